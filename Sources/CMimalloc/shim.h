#ifndef SNAPGATE_CMIMALLOC_SHIM_H
#define SNAPGATE_CMIMALLOC_SHIM_H
#include <mimalloc.h>
#endif
