#ifndef SNAPGATE_CZLIB_SHIM_H
#define SNAPGATE_CZLIB_SHIM_H
#include <zlib.h>
#endif
