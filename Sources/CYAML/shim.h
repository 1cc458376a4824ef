#ifndef SNAPGATE_CYAML_SHIM_H
#define SNAPGATE_CYAML_SHIM_H
#include <yaml.h>
#endif
