#ifndef SNAPGATE_CCRYPTO_SHIM_H
#define SNAPGATE_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
