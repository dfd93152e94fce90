// Shim for libgmp. GMP's documented names (mpz_add, mpn_mul_n, mpz_sgn …) are C macros,
// which Swift cannot import; these static inline wrappers give them callable names.
#ifndef CASCADE_CGMP_SHIM_H
#define CASCADE_CGMP_SHIM_H

#include <gmp.h>
#include <stddef.h>

// --- mpn: fixed-size limb arrays (the 512/256-bit fast paths) ---------------------------

/// rp[0..<2n] = s1p[0..<n] * s2p[0..<n]
static inline void cgmp_mpn_mul_n(mp_limb_t *rp, const mp_limb_t *s1p, const mp_limb_t *s2p, mp_size_t n) {
    mpn_mul_n(rp, s1p, s2p, n);
}
/// qp[0..<nn-dn+1], rp[0..<dn] = np[0..<nn] divmod dp[0..<dn]; dp[dn-1] must be non-zero.
static inline void cgmp_mpn_tdiv_qr(mp_limb_t *qp, mp_limb_t *rp, const mp_limb_t *np, mp_size_t nn,
                                    const mp_limb_t *dp, mp_size_t dn) {
    mpn_tdiv_qr(qp, rp, 0, np, nn, dp, dn);
}

// --- mpz: arbitrary precision -------------------------------------------------------------

static inline void cgmp_mpz_init(mpz_ptr x) { mpz_init(x); }
static inline void cgmp_mpz_clear(mpz_ptr x) { mpz_clear(x); }
static inline void cgmp_mpz_set(mpz_ptr r, mpz_srcptr x) { mpz_set(r, x); }
static inline void cgmp_mpz_set_ui(mpz_ptr r, unsigned long x) { mpz_set_ui(r, x); }
static inline void cgmp_mpz_set_si(mpz_ptr r, long x) { mpz_set_si(r, x); }
static inline int cgmp_mpz_set_str(mpz_ptr r, const char *s, int base) { return mpz_set_str(r, s, base); }
static inline char *cgmp_mpz_get_str(char *s, int base, mpz_srcptr x) { return mpz_get_str(s, base, x); }
static inline size_t cgmp_mpz_sizeinbase(mpz_srcptr x, int base) { return mpz_sizeinbase(x, base); }
static inline void cgmp_mpz_add(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_add(r, a, b); }
static inline void cgmp_mpz_sub(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_sub(r, a, b); }
static inline void cgmp_mpz_mul(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_mul(r, a, b); }
static inline void cgmp_mpz_neg(mpz_ptr r, mpz_srcptr a) { mpz_neg(r, a); }
static inline void cgmp_mpz_abs(mpz_ptr r, mpz_srcptr a) { mpz_abs(r, a); }
static inline void cgmp_mpz_tdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_tdiv_qr(q, r, n, d); }
static inline void cgmp_mpz_fdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_qr(q, r, n, d); }
static inline void cgmp_mpz_cdiv_q(mpz_ptr q, mpz_srcptr n, mpz_srcptr d) { mpz_cdiv_q(q, n, d); }
static inline void cgmp_mpz_pow_ui(mpz_ptr r, mpz_srcptr b, unsigned long e) { mpz_pow_ui(r, b, e); }
static inline void cgmp_mpz_mul_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t n) { mpz_mul_2exp(r, a, n); }
static inline void cgmp_mpz_fdiv_q_2exp(mpz_ptr r, mpz_srcptr a, mp_bitcnt_t n) { mpz_fdiv_q_2exp(r, a, n); }
static inline int cgmp_mpz_cmp(mpz_srcptr a, mpz_srcptr b) { return mpz_cmp(a, b); }
static inline int cgmp_mpz_cmp_si(mpz_srcptr a, long b) { return mpz_cmp_si(a, b); }
static inline int cgmp_mpz_sgn(mpz_srcptr a) { return mpz_sgn(a); }
static inline double cgmp_mpz_get_d(mpz_srcptr a) { return mpz_get_d(a); }
static inline size_t cgmp_mpz_size(mpz_srcptr a) { return mpz_size(a); }
static inline mp_limb_t cgmp_mpz_getlimbn(mpz_srcptr a, mp_size_t n) { return mpz_getlimbn(a, n); }
/// Sets r from `count` little-endian 64-bit limbs (magnitude only).
static inline void cgmp_mpz_import_limbs(mpz_ptr r, size_t count, const unsigned long long *limbs) {
    mpz_import(r, count, -1, sizeof(unsigned long long), 0, 0, limbs);
}

#endif
