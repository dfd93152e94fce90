// Shim for libsecp256k1 (Debian 0.2.0) with its recovery module.
#ifndef CASCADE_CSECP256K1_SHIM_H
#define CASCADE_CSECP256K1_SHIM_H

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#endif
