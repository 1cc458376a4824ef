#ifndef SNAPGATE_CDEFLATE_SHIM_H
#define SNAPGATE_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
