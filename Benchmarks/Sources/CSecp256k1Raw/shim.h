// libsecp256k1 imported directly, so the benchmarks can time the C library's own cost beside
// Cascade's wrapper in the same run.
#include <secp256k1.h>
#include <secp256k1_recovery.h>
