#!/usr/bin/env python3
"""Test oracle for the lending models: Aave v3.7 and Compound v2 (2.9) restated in plain Python
integers, independently of the Swift code, straight from the Solidity sources:

  aave-dao/aave-v3-origin (main, v3.7.0 commit 4fbd7442) src/contracts/protocol/libraries/
    logic/LiquidationLogic.sol  executeLiquidationCall, _calculateAvailableCollateralToLiquidate,
                                _burnDebtTokens, _burnBadDebt
    logic/GenericLogic.sol      calculateUserAccountData
    logic/ValidationLogic.sol   validateSupply/Withdraw/Borrow/Repay/LiquidationCall, validateHF...
    logic/ReserveLogic.sol      updateState, _updateIndexes, _accrueToTreasury,
                                updateInterestRatesAndVirtualBalance
    logic/SupplyLogic.sol, logic/BorrowLogic.sol
    helpers/TokenMath.sol, math/MathUtils.sol, math/WadRayMath.sol, math/PercentageMath.sol
    misc/DefaultReserveInterestRateStrategyV2.sol
  compound-finance/compound-protocol contracts/CToken.sol (ae4388e), Comptroller.sol (9e93e85),
    JumpRateModel.sol, ExponentialNoError.sol

Writes lending_vectors.json next to this file: scenarios of calls, each call with the expected
result (or revert) and the full protocol state after it. Run:  python3 gen_lending_vectors.py
Deterministic (fixed seeds).
"""
import json
import os
import random

U256 = 2**256 - 1
RAY = 10**27
WAD = 10**18
HALF_RAY = RAY // 2
PF = 10**4
SECONDS_PER_YEAR = 365 * 24 * 3600


class Revert(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def chk(x):
    if x > U256:
        raise Revert("panic:overflow")
    if x < 0:
        raise Revert("panic:underflow")
    return x


def div0(b):
    if b == 0:
        raise Revert("panic:divisionByZero")


# --- WadRayMath / PercentageMath / MathUtils (aave) -------------------------------------------

def ray_mul(a, b): return chk(a * b + HALF_RAY) // RAY
def ray_div(a, b): div0(b); return chk(a * RAY + b // 2) // b
def ray_mul_floor(a, b): return chk(a * b) // RAY
def ray_mul_ceil(a, b): return -(-chk(a * b) // RAY)
def ray_div_floor(a, b): div0(b); return chk(a * RAY) // b
def ray_div_ceil(a, b): div0(b); return -(-chk(a * RAY) // b)
def wad_div(a, b): div0(b); return chk(a * WAD + b // 2) // b
def percent_mul(v, p): return chk(v * p + 5000) // PF
def percent_mul_floor(v, p): return chk(v * p) // PF
def percent_mul_ceil(v, p): return -(-chk(v * p) // PF)
def percent_div(v, p): div0(p); return chk(v * PF + p // 2) // p
def percent_div_floor(v, p): div0(p); return chk(v * PF) // p
def percent_div_ceil(v, p): div0(p); return -(-chk(v * PF) // p)
def mul_div_ceil(a, b, c): div0(c); return -(-chk(a * b) // c)


def linear_interest(rate, last, now):
    return chk(RAY + chk(rate * chk(now - last)) // SECONDS_PER_YEAR)


def compounded_interest(rate, last, now):
    exp = chk(now - last)
    if exp == 0:
        return RAY
    x = chk(rate * exp) // SECONDS_PER_YEAR
    return chk(RAY + x + ray_mul(x, x // 2 + ray_mul(x, x // 6)))


# TokenMath
def a_mint(amount, idx): return ray_div_floor(amount, idx)
def a_burn(amount, idx): return ray_div_ceil(amount, idx)
def a_transfer(amount, idx): return ray_div_ceil(amount, idx)
def a_balance(scaled, idx): return ray_mul_floor(scaled, idx)
def v_mint(amount, idx): return ray_div_ceil(amount, idx)
def v_burn(amount, idx): return ray_div_floor(amount, idx)
def v_balance(scaled, idx): return ray_mul_ceil(scaled, idx)


# --- Aave v3.7 -------------------------------------------------------------------------------

class Reserve:
    def __init__(self, rid, p, t0):
        self.id = rid
        self.symbol = p["symbol"]
        self.address = p["address"]
        self.unit = 10 ** p["decimals"]
        self.ltv = p["ltv"]; self.lt = p["lt"]; self.bonus = p["bonus"]; self.fee = p["fee"]; self.rf = p["rf"]
        self.opt, self.base, self.s1, self.s2 = p["strategy"]
        self.supply_cap = p.get("supplyCap", 0); self.borrow_cap = p.get("borrowCap", 0)
        self.active = True; self.frozen = False; self.paused = False; self.borrowing_enabled = True
        self.li = RAY; self.vi = RAY; self.lr = 0; self.vr = self.base * 10**23
        self.last = t0; self.accrued = 0; self.virtual = 0; self.deficit = 0
        self.scaled_a = 0; self.scaled_d = 0

    def normalized_income(self, t):
        return self.li if t == self.last else ray_mul(linear_interest(self.lr, self.last, t), self.li)

    def normalized_debt(self, t):
        return self.vi if t == self.last else ray_mul(compounded_interest(self.vr, self.last, t), self.vi)

    def update_state(self, t):
        if t == self.last:
            return
        prev_vi = self.vi
        if self.lr != 0:
            self.li = ray_mul(linear_interest(self.lr, self.last, t), self.li)
        if self.scaled_d != 0:
            self.vi = ray_mul(compounded_interest(self.vr, self.last, t), self.vi)
        if self.rf != 0:
            accrued = ray_mul_floor(self.scaled_d, chk(self.vi - prev_vi))
            to_mint = percent_mul(accrued, self.rf)
            if to_mint != 0:
                self.accrued = chk(self.accrued + a_mint(to_mint, self.li))
        self.last = t

    def rates(self, added, taken):
        total_debt = v_balance(self.scaled_d, self.vi)
        base = self.base * 10**23; opt = self.opt * 10**23; s1 = self.s1 * 10**23; s2 = self.s2 * 10**23
        if total_debt == 0:
            return 0, base
        avail = chk(chk(self.virtual + added) - taken)
        avail_plus_debt = chk(avail + total_debt)
        bur = ray_div(total_debt, avail_plus_debt)
        sur = ray_div(total_debt, chk(avail_plus_debt + self.deficit))
        vr = base
        if bur > opt:
            excess = ray_div(bur - opt, RAY - opt)
            vr = chk(vr + s1 + ray_mul(s2, excess))
        else:
            vr = chk(vr + ray_div(ray_mul(s1, bur), opt))
        lr = percent_mul(ray_mul(vr, sur), PF - self.rf)
        return lr, vr

    def update_rates(self, added, taken):
        self.lr, self.vr = self.rates(added, taken)
        self.virtual = chk(chk(self.virtual + added) - taken)

    def snapshot(self):
        return {k: str(v) for k, v in [
            ("liquidityIndex", self.li), ("variableBorrowIndex", self.vi),
            ("currentLiquidityRate", self.lr), ("currentVariableBorrowRate", self.vr),
            ("lastUpdateTimestamp", self.last), ("accruedToTreasury", self.accrued),
            ("virtualUnderlyingBalance", self.virtual), ("deficit", self.deficit),
            ("scaledATokenTotalSupply", self.scaled_a), ("scaledVariableDebtTotalSupply", self.scaled_d)]}


class Position:
    def __init__(self):
        self.a = {}; self.d = {}; self.coll = set(); self.borrow = set()

    def empty(self):
        return not self.coll and not self.borrow


class AavePool:
    POOL = 0xA0A0
    TREASURY = 0x7EA5

    def __init__(self, reserves, rules, t0):
        self.reserves = [Reserve(i, p, t0) for i, p in enumerate(reserves)]
        self.by_symbol = {r.symbol: r for r in self.reserves}
        self.rules = rules
        self.positions = {}
        self.prices = {}
        self.cash = {r.symbol: 0 for r in self.reserves}    # pool's ledger balance

    def pos(self, user):
        return self.positions.setdefault(user, Position())

    def account_data(self, user, t):
        p = self.positions.get(user)
        if p is None or p.empty():
            return dict(coll=0, debt=0, ltv=0, lt=0, hf=U256, zero_ltv=False)
        coll = debt = ltv_sum = lt_sum = 0
        zero = False
        for r in self.reserves:
            if r.id not in p.coll and r.id not in p.borrow:
                continue
            price = self.price(r)
            if r.id in p.coll:
                bal = a_balance(p.a.get(r.id, 0), r.normalized_income(t))
                value = chk(bal * price) // r.unit
                coll = chk(coll + value)
                if r.ltv == 0:
                    zero = True
                else:
                    ltv_sum = chk(ltv_sum + chk(value * r.ltv))
                lt_sum = chk(lt_sum + chk(value * r.lt))
            if r.id in p.borrow:
                d = v_balance(p.d.get(r.id, 0), r.normalized_debt(t))
                debt = chk(debt + mul_div_ceil(d, price, r.unit))
        hf = U256 if debt == 0 else wad_div(lt_sum, debt) // 10000
        return dict(coll=coll, debt=debt, ltv=ltv_sum // coll if coll else 0, lt=lt_sum // coll if coll else 0,
                    hf=hf, zero_ltv=zero)

    def price(self, r):
        p = self.prices.get(r.symbol, 0)
        if p == 0:
            raise Revert("no oracle price")
        return p

    # Each action works on deep copies and commits only on success (a revert changes nothing).
    def _transact(self, fn):
        import copy
        saved = copy.deepcopy((self.reserves, self.positions, self.cash))
        try:
            return fn()
        except Revert:
            self.reserves, self.positions, self.cash = saved
            self.by_symbol = {r.symbol: r for r in self.reserves}
            raise

    def supply(self, user, sym, amount, t):
        def run():
            r = self.by_symbol[sym]
            r.update_state(t)
            scaled = a_mint(amount, r.li)
            if scaled == 0: raise Revert("InvalidAmount")
            if not r.active: raise Revert("ReserveInactive")
            if r.paused: raise Revert("ReservePaused")
            if r.frozen: raise Revert("ReserveFrozen")
            if r.supply_cap and a_balance(r.scaled_a + scaled + r.accrued, r.li) > r.supply_cap * r.unit:
                raise Revert("SupplyCapExceeded")
            r.update_rates(amount, 0)
            self.cash[sym] += amount
            p = self.pos(user)
            before = p.a.get(r.id, 0)
            p.a[r.id] = chk(before + scaled)
            if before == 0 and r.ltv != 0:
                p.coll.add(r.id)
            r.scaled_a = chk(r.scaled_a + scaled)
            return {}
        return self._transact(run)

    def withdraw(self, user, sym, amount, t):
        def run():
            r = self.by_symbol[sym]
            r.update_state(t)
            p = self.pos(user)
            bal = p.a.get(r.id, 0)
            if amount == U256:
                scaled = bal; amt = a_balance(bal, r.li)
            else:
                scaled = a_burn(amount, r.li); amt = amount
            if scaled == 0: raise Revert("InvalidAmount")
            if scaled > bal: raise Revert("NotEnoughAvailableUserBalance")
            if not r.active: raise Revert("ReserveInactive")
            if r.paused: raise Revert("ReservePaused")
            r.update_rates(0, amt)
            p.a[r.id] = bal - scaled
            r.scaled_a = chk(r.scaled_a - scaled)
            self.cash[sym] = chk(self.cash[sym] - amt)
            if r.id in p.coll:
                if p.a[r.id] == 0:
                    p.coll.discard(r.id)
                if p.borrow:
                    data = self.account_data(user, t)
                    if data["hf"] < WAD: raise Revert("HealthFactorLowerThanLiquidationThreshold")
                    if data["zero_ltv"] and r.ltv != 0: raise Revert("LtvValidationFailed")
            return {"amount": str(amt)}
        return self._transact(run)

    def borrow(self, user, sym, amount, t):
        def run():
            r = self.by_symbol[sym]
            r.update_state(t)
            scaled = v_mint(amount, r.vi)
            if scaled == 0: raise Revert("InvalidAmount")
            borrowed = v_balance(scaled, r.vi)
            if not r.active: raise Revert("ReserveInactive")
            if r.paused: raise Revert("ReservePaused")
            if r.frozen: raise Revert("ReserveFrozen")
            if not r.borrowing_enabled: raise Revert("BorrowingNotEnabled")
            if a_balance(r.scaled_a, r.normalized_income(t)) < borrowed: raise Revert("InvalidAmount")
            if r.borrow_cap and v_balance(r.scaled_d + scaled, r.vi) > r.borrow_cap * r.unit:
                raise Revert("BorrowCapExceeded")
            p = self.pos(user)
            p.d[r.id] = chk(p.d.get(r.id, 0) + scaled)
            p.borrow.add(r.id)
            r.scaled_d = chk(r.scaled_d + scaled)
            r.update_rates(0, amount)
            self.cash[sym] = chk(self.cash[sym] - amount)
            data = self.account_data(user, t)
            if data["ltv"] == 0: raise Revert("LtvValidationFailed")
            if data["hf"] < WAD: raise Revert("HealthFactorLowerThanLiquidationThreshold")
            if data["coll"] < percent_div_ceil(data["debt"], data["ltv"]): raise Revert("CollateralCannotCoverNewBorrow")
            return {}
        return self._transact(run)

    def repay(self, user, sym, amount, t):
        def run():
            r = self.by_symbol[sym]
            r.update_state(t)
            p = self.pos(user)
            scaled_debt = p.d.get(r.id, 0)
            debt = v_balance(scaled_debt, r.vi)
            if amount == 0: raise Revert("InvalidAmount")
            if not r.active: raise Revert("ReserveInactive")
            if r.paused: raise Revert("ReservePaused")
            if scaled_debt == 0: raise Revert("NoDebtOfSelectedType")
            payback = min(amount, debt)
            burn = v_burn(payback, r.vi)
            if burn == 0: raise Revert("InvalidBurnAmount")
            p.d[r.id] = chk(scaled_debt - burn)
            if p.d[r.id] == 0:
                p.borrow.discard(r.id)
            r.scaled_d = chk(r.scaled_d - burn)
            r.update_rates(payback, 0)
            self.cash[sym] += payback
            return {"amount": str(payback)}
        return self._transact(run)

    def set_flag(self, sym, flag, value, t):
        r = self.by_symbol[sym]
        r.update_state(t)
        setattr(r, flag, value)
        r.update_rates(0, 0)
        return {}

    def liquidate(self, liquidator, borrower, coll_sym, debt_sym, debt_to_cover, receive_atoken, t, approved=True):
        def run():
            cr = self.by_symbol[coll_sym]; dr = self.by_symbol[debt_sym]
            dr.update_state(t)
            cr.update_state(t)
            bp = self.pos(borrower)
            acct = self.account_data(borrower, t)
            scaled_coll = bp.a.get(cr.id, 0)
            coll_bal = a_balance(scaled_coll, cr.li)
            reserve_debt = v_balance(bp.d.get(dr.id, 0), dr.vi)
            if borrower == liquidator: raise Revert("SelfLiquidation")
            if not (cr.active and dr.active): raise Revert("ReserveInactive")
            if cr.paused or dr.paused: raise Revert("ReservePaused")
            if acct["hf"] >= WAD: raise Revert("HealthFactorNotBelowThreshold")
            if cr.id not in bp.coll: raise Revert("CollateralCannotBeLiquidated")
            if reserve_debt == 0: raise Revert("SpecifiedCurrencyNotBorrowedByUser")
            bonus = cr.bonus
            cp = self.price(cr); dp = self.price(dr)
            cu = cr.unit; du = dr.unit
            if self.rules == "v3.3":
                debt_value = mul_div_ceil(reserve_debt, dp, du)
                coll_value = chk(coll_bal * cp) // cu
                max_debt = reserve_debt
                if coll_value >= 2000 * 10**8 and debt_value >= 2000 * 10**8 and acct["hf"] > 95 * 10**16:
                    half = percent_mul(acct["debt"], 5000)
                    if debt_value > half:
                        max_debt = chk(half * du) // dp
            else:
                cf = 5000 if acct["hf"] > 95 * 10**16 else 10000
                max_debt = percent_mul(reserve_debt, cf)
            actual_debt = min(debt_to_cover, max_debt)
            # _calculateAvailableCollateralToLiquidate
            base_coll = chk(chk(dp * actual_debt) * cu) // chk(cp * du)
            max_coll = percent_mul_floor(base_coll, bonus)
            if max_coll > coll_bal:
                coll_amt = coll_bal
                actual_debt = percent_div_ceil(chk(chk(cp * coll_amt) * du) // chk(dp * cu), bonus)
            else:
                coll_amt = max_coll
            fee = 0
            if cr.fee != 0:
                bonus_coll = chk(coll_amt - percent_div_floor(coll_amt, bonus))
                fee = percent_mul_ceil(bonus_coll, cr.fee)
                coll_amt = chk(coll_amt - fee)
            if self.rules == "v3.3" and actual_debt < reserve_debt and chk(coll_amt + fee) < coll_bal:
                ok_debt = mul_div_ceil(chk(reserve_debt - actual_debt), dp, du) >= 1000 * 10**8
                ok_coll = chk(chk(coll_bal - coll_amt - fee) * cp) // cu >= 1000 * 10**8
                if not (ok_debt and ok_coll): raise Revert("MustNotLeaveDust")
            consumed = chk(a_burn(coll_amt, cr.li) + a_transfer(fee, cr.li))
            if consumed > scaled_coll: consumed = scaled_coll
            fully = consumed == scaled_coll
            no_coll_left = False
            if self.rules == "v3.3":
                no_coll_left = chk(a_balance(consumed, cr.li) * cp) // cu == acct["coll"]
            if fully or no_coll_left:
                bp.coll.discard(cr.id)
            deficits = []
            self._burn_debt(dr, bp, borrower, reserve_debt, actual_debt, no_coll_left, deficits)
            if receive_atoken:
                s = a_transfer(coll_amt, cr.li)
                bp.a[cr.id] = chk(bp.a.get(cr.id, 0) - s)
                lp = self.pos(liquidator); lp.a[cr.id] = chk(lp.a.get(cr.id, 0) + s)
            else:
                cr.update_rates(0, coll_amt)
                s = a_burn(coll_amt, cr.li)
                if s == 0: raise Revert("InvalidBurnAmount")
                bp.a[cr.id] = chk(bp.a.get(cr.id, 0) - s)
                cr.scaled_a = chk(cr.scaled_a - s)
                self.cash[coll_sym] = chk(self.cash[coll_sym] - coll_amt)
            if fee != 0:
                sf = a_transfer(fee, cr.li)
                left = bp.a.get(cr.id, 0)
                if sf > left:
                    sf = left; fee = a_balance(left, cr.li)
                bp.a[cr.id] = chk(left - sf)
                tp = self.pos(self.TREASURY); tp.a[cr.id] = chk(tp.a.get(cr.id, 0) + sf)
            bad = 0
            if no_coll_left and bp.borrow:
                for r in self.reserves:
                    if r.id not in bp.borrow or not r.active:
                        continue
                    r.update_state(t)
                    d = v_balance(bp.d.get(r.id, 0), r.vi)
                    self._burn_debt(r, bp, borrower, d, 0, True, deficits)
                    bad += 1
            if not approved and actual_debt != 0:
                raise Revert("ERC20: insufficient allowance")
            self.cash[debt_sym] += actual_debt
            return {"healthFactor": str(acct["hf"]), "maxLiquidatableDebt": str(max_debt),
                    "debtRepaid": str(actual_debt), "collateralToLiquidator": str(coll_amt),
                    "protocolFee": str(fee), "hasNoCollateralLeft": no_coll_left,
                    "deficits": [[a, str(v)] for a, v in deficits], "badDebtReserves": bad}
        return self._transact(run)

    def _burn_debt(self, r, bp, borrower, reserve_debt, actual_debt, no_coll_left, deficits):
        no_more = True
        if reserve_debt != 0:
            amount = reserve_debt if no_coll_left else actual_debt
            s = v_burn(amount, r.vi)
            if s == 0: raise Revert("InvalidBurnAmount")
            bp.d[r.id] = chk(bp.d.get(r.id, 0) - s)
            no_more = bp.d[r.id] == 0
            r.scaled_d = chk(r.scaled_d - s)
        outstanding = chk(reserve_debt - actual_debt)
        if no_coll_left and outstanding != 0:
            r.deficit = chk(r.deficit + outstanding)
            deficits.append((r.symbol, outstanding))
        if no_more:
            bp.borrow.discard(r.id)
        r.update_rates(actual_debt, 0)

    def snapshot(self):
        users = {}
        for u, p in sorted(self.positions.items()):
            users[str(u)] = {
                "a": [str(p.a.get(r.id, 0)) for r in self.reserves],
                "d": [str(p.d.get(r.id, 0)) for r in self.reserves],
                "collateral": sorted(p.coll), "borrowing": sorted(p.borrow)}
        return {"reserves": [r.snapshot() for r in self.reserves], "users": users,
                "cash": [str(self.cash[r.symbol]) for r in self.reserves]}


# --- scenario recording ----------------------------------------------------------------------

WETH = dict(symbol="WETH", decimals=18, address=0x1001, ltv=8050, lt=8300, bonus=10500, fee=1000, rf=1500,
            strategy=[9000, 0, 270, 8000])
USDC = dict(symbol="USDC", decimals=6, address=0x1002, ltv=7700, lt=8000, bonus=10450, fee=2000, rf=1000,
            strategy=[9200, 0, 650, 6000])
DAI = dict(symbol="DAI", decimals=18, address=0x1003, ltv=7700, lt=8000, bonus=10500, fee=2000, rf=1000,
           strategy=[9000, 0, 500, 7500])
WBTC = dict(symbol="WBTC", decimals=8, address=0x1004, ltv=7300, lt=7800, bonus=10500, fee=1000, rf=2000,
            strategy=[4500, 0, 400, 30000])
LP, ALICE, BOB, CAROL, DAVE, LIQ = 0x1, 0xA11CE, 0xB0B, 0xCA201, 0xDA7E, 0x11C
T0 = 1_700_000_000


class AaveScenario:
    def __init__(self, name, reserves, rules="v3.3", note=""):
        self.name = name; self.note = note
        self.params = reserves
        self.pool = AavePool(reserves, rules, T0)
        self.steps = []
        self.rules = rules
        self.t = T0
        self.full_state = True   # the state after every call; random scenarios keep it after liquidations

    def _record(self, step, fn):
        try:
            result = fn()
            step["expect"] = {"result": result}
        except Revert as e:
            step["expect"] = {"revert": e.reason}
        if self.full_state or step["op"] == "liquidate":
            step["state"] = self.pool.snapshot()
        self.steps.append(step)
        return step["expect"]

    def at(self, t):
        self.t = t
        return self

    def wait(self, seconds):
        self.t += seconds
        return self

    def price(self, sym, usd8):
        self.pool.prices[sym] = usd8
        self.steps.append({"op": "price", "asset": sym, "price": str(usd8)})
        return self

    def supply(self, user, sym, amount):
        return self._record({"op": "supply", "user": user, "asset": sym, "amount": str(amount), "t": self.t},
                            lambda: self.pool.supply(user, sym, amount, self.t))

    def withdraw(self, user, sym, amount):
        return self._record({"op": "withdraw", "user": user, "asset": sym, "amount": str(amount), "t": self.t},
                            lambda: self.pool.withdraw(user, sym, amount, self.t))

    def borrow(self, user, sym, amount):
        return self._record({"op": "borrow", "user": user, "asset": sym, "amount": str(amount), "t": self.t},
                            lambda: self.pool.borrow(user, sym, amount, self.t))

    def repay(self, user, sym, amount):
        return self._record({"op": "repay", "user": user, "asset": sym, "amount": str(amount), "t": self.t},
                            lambda: self.pool.repay(user, sym, amount, self.t))

    def flag(self, sym, flag, value):
        return self._record({"op": "flag", "asset": sym, "flag": flag, "value": value, "t": self.t},
                            lambda: self.pool.set_flag(sym, flag, value, self.t))

    def liquidate(self, borrower, coll, debt, amount, receive=False, liquidator=LIQ, approved=True):
        return self._record(
            {"op": "liquidate", "user": liquidator, "borrower": borrower, "collateral": coll, "debt": debt,
             "debtToCover": str(amount), "receiveAToken": receive, "approved": approved, "t": self.t},
            lambda: self.pool.liquidate(liquidator, borrower, coll, debt, amount, receive, self.t, approved))

    def check(self, users):
        """A read-only step: account data and balances at the current time."""
        views = {}
        for u in users:
            d = self.pool.account_data(u, self.t)
            pos = self.pool.positions.get(u, Position())
            views[str(u)] = {"healthFactor": str(d["hf"]), "totalCollateralBase": str(d["coll"]),
                             "totalDebtBase": str(d["debt"]), "averageLtv": str(d["ltv"]),
                             "averageLiquidationThreshold": str(d["lt"]),
                             "aTokenBalances": [str(a_balance(pos.a.get(r.id, 0), r.normalized_income(self.t)))
                                                for r in self.pool.reserves],
                             "debts": [str(v_balance(pos.d.get(r.id, 0), r.normalized_debt(self.t)))
                                       for r in self.pool.reserves]}
        indexes = [{"normalizedIncome": str(r.normalized_income(self.t)),
                    "normalizedVariableDebt": str(r.normalized_debt(self.t))} for r in self.pool.reserves]
        self.steps.append({"op": "check", "t": self.t, "accounts": views, "indexes": indexes,
                           "state": self.pool.snapshot()})
        return self

    def json(self):
        return {"name": self.name, "note": self.note, "rules": self.rules, "t0": T0,
                "reserves": self.params, "pool": AavePool.POOL, "treasury": AavePool.TREASURY, "steps": self.steps}


def e(n, decimals):
    """n whole tokens (n may be a float-free string like '16000.5')."""
    if isinstance(n, str):
        whole, _, frac = n.partition(".")
        return int(whole) * 10**decimals + int((frac + "0" * decimals)[:decimals] or 0)
    return n * 10**decimals


def base_market(s, lp_usdc=1_000_000, lp_dai=1_000_000):
    s.price("WETH", 2000 * 10**8).price("USDC", 10**8)
    if any(p["symbol"] == "DAI" for p in s.params):
        s.price("DAI", 10**8)
    if any(p["symbol"] == "WBTC" for p in s.params):
        s.price("WBTC", 30000 * 10**8)
    s.supply(LP, "USDC", e(lp_usdc, 6))
    if any(p["symbol"] == "DAI" for p in s.params):
        s.supply(LP, "DAI", e(lp_dai, 18))
    s.supply(LP, "WETH", e(100, 18))
    return s


def aave_scenarios():
    out = []

    # 1. Partial liquidation at the 50 % close factor (HF in (0.95, 1), position above $2,000).
    s = AaveScenario("partial_at_50_percent", [WETH, USDC],
                     note="HF 0.9856 > 0.95, both values ≥ $2,000: at most half the total debt value")
    base_market(s)
    s.wait(60).supply(ALICE, "WETH", e(10, 18))
    s.wait(60).borrow(ALICE, "USDC", e(16000, 6))
    s.wait(3600).price("WETH", 1900 * 10**8).check([ALICE])
    s.liquidate(ALICE, "WETH", "USDC", U256)
    s.check([ALICE, LIQ, AavePool.TREASURY])
    s.wait(12).liquidate(ALICE, "WETH", "USDC", U256)  # now healthy again?
    out.append(s)

    # 2. Full liquidation allowed at HF ≤ 0.95.
    s = AaveScenario("full_at_hf_below_095", [WETH, USDC], note="HF 0.934: the whole reserve debt")
    base_market(s)
    s.wait(60).supply(ALICE, "WETH", e(10, 18))
    s.wait(60).borrow(ALICE, "USDC", e(16000, 6))
    s.wait(86400).price("WETH", 1800 * 10**8).check([ALICE])
    s.liquidate(ALICE, "WETH", "USDC", U256)
    s.check([ALICE])
    out.append(s)

    # 3. Capped by the collateral, debt recomputed, deficit booked (single collateral, two debts).
    s = AaveScenario("capped_by_collateral_with_deficit", [WETH, USDC, DAI],
                     note="collateral exhausted: debt recomputed with percentDivCeil; rest of USDC and all DAI to deficit")
    base_market(s)
    s.wait(60).supply(ALICE, "WETH", e(10, 18))
    s.wait(60).borrow(ALICE, "USDC", e(14000, 6))
    s.wait(60).borrow(ALICE, "DAI", e(2000, 18))
    s.wait(7200).price("WETH", 1300 * 10**8).check([ALICE])
    s.liquidate(ALICE, "WETH", "USDC", U256)
    s.check([ALICE, LIQ, AavePool.TREASURY])
    out.append(s)

    # 4. Capped by one of two collaterals: no deficit, flag cleared, dust rule skipped.
    s = AaveScenario("capped_by_one_of_two_collaterals", [WETH, USDC, DAI],
                     note="WETH exhausted while DAI collateral remains: debt recomputed, no deficit")
    base_market(s)
    s.wait(60).supply(BOB, "WETH", e(3, 18))
    s.wait(1).supply(BOB, "DAI", e(10000, 18))
    s.wait(60).borrow(BOB, "USDC", e(12000, 6))
    s.wait(600).price("WETH", 1200 * 10**8).check([BOB])
    s.liquidate(BOB, "WETH", "USDC", U256)
    s.check([BOB])
    s.wait(12).liquidate(BOB, "DAI", "USDC", e(1000, 6))
    out.append(s)

    # 5. Small position: 100 % close factor below $2,000 even with HF > 0.95.
    s = AaveScenario("small_position_full_close", [WETH, USDC], note="collateral $1,800 < $2,000")
    base_market(s)
    s.wait(60).supply(CAROL, "WETH", e(1, 18))
    s.wait(60).borrow(CAROL, "USDC", e(1500, 6))
    s.wait(60).price("WETH", 1800 * 10**8).check([CAROL])
    s.liquidate(CAROL, "WETH", "USDC", U256)
    out.append(s)

    # 6. Dust rule.
    s = AaveScenario("dust_rule", [WETH, USDC], note="a partial liquidation must leave ≥ $1,000 of debt and collateral")
    base_market(s)
    s.wait(60).supply(DAVE, "WETH", e(2, 18))
    s.wait(60).borrow(DAVE, "USDC", e(3000, 6))
    s.wait(60).price("WETH", 1700 * 10**8).check([DAVE])
    s.liquidate(DAVE, "WETH", "USDC", e(2500, 6))     # leaves < $1,000 of debt → MustNotLeaveDust
    s.liquidate(DAVE, "WETH", "USDC", e(1990, 6))     # leaves > $1,000 of each
    s.check([DAVE])
    out.append(s)

    # 7. Reverts.
    s = AaveScenario("reverts", [WETH, USDC, DAI], note="each validation failure of liquidationCall")
    base_market(s)
    s.wait(60).supply(ALICE, "WETH", e(10, 18))
    s.wait(60).borrow(ALICE, "USDC", e(15000, 6))
    s.liquidate(ALICE, "WETH", "USDC", e(100, 6))                  # healthy
    s.wait(60).price("WETH", 1700 * 10**8)
    s.liquidate(ALICE, "DAI", "USDC", e(100, 6))                   # not collateral
    s.liquidate(ALICE, "WETH", "DAI", e(100, 18))                  # not borrowed
    s.liquidate(ALICE, "WETH", "USDC", e(100, 6), liquidator=ALICE)  # self
    s.liquidate(ALICE, "WETH", "USDC", 0)                          # nothing to burn
    s.liquidate(ALICE, "WETH", "USDC", e(100, 6), approved=False)  # no allowance
    s.flag("USDC", "paused", True)
    s.liquidate(ALICE, "WETH", "USDC", e(100, 6))                  # paused
    s.flag("USDC", "paused", False)
    s.flag("WETH", "active", False)
    s.liquidate(ALICE, "WETH", "USDC", e(100, 6))                  # inactive
    s.flag("WETH", "active", True)
    s.liquidate(ALICE, "WETH", "USDC", e(100, 6))                  # finally fine
    out.append(s)

    # 8. receiveAToken.
    s = AaveScenario("receive_atoken", [WETH, USDC], note="the liquidator takes aWETH")
    base_market(s)
    s.wait(60).supply(ALICE, "WETH", e(10, 18))
    s.wait(60).borrow(ALICE, "USDC", e(16000, 6))
    s.wait(3600).price("WETH", 1850 * 10**8)
    s.liquidate(ALICE, "WETH", "USDC", e(5000, 6), receive=True)
    s.check([ALICE, LIQ, AavePool.TREASURY])
    out.append(s)

    # 9. v3.0 rules.
    s = AaveScenario("v3_0_close_factor", [WETH, USDC, DAI], rules="v3.0",
                     note="50 % of the reserve debt above HF 0.95, 100 % at or below; no deficit")
    base_market(s)
    s.wait(60).supply(ALICE, "WETH", e(10, 18))
    s.wait(60).borrow(ALICE, "USDC", e(14000, 6))
    s.wait(60).borrow(ALICE, "DAI", e(2000, 18))
    s.wait(3600).price("WETH", 1900 * 10**8).check([ALICE])
    s.liquidate(ALICE, "WETH", "USDC", U256)
    s.wait(60).price("WETH", 1000 * 10**8).check([ALICE])
    s.liquidate(ALICE, "WETH", "DAI", U256)
    s.liquidate(ALICE, "WETH", "USDC", U256)
    s.check([ALICE])
    out.append(s)

    # 10. Interest accrual over a year (indexes vs the formulas), repay and withdraw.
    s = AaveScenario("interest_accrual", [WETH, USDC, WBTC], note="indexes, rates, treasury accrual")
    base_market(s)
    s.wait(60).supply(ALICE, "WBTC", e(2, 8))
    s.wait(60).borrow(ALICE, "USDC", e(30000, 6))
    s.wait(60).borrow(ALICE, "WETH", e(5, 18))
    for _ in range(6):
        s.wait(30 * 86400).check([ALICE, LP])
    s.wait(1).supply(LP, "USDC", e(1, 6))
    s.wait(365 * 86400 // 2).check([ALICE, LP])
    s.repay(ALICE, "USDC", e(10000, 6))
    s.repay(ALICE, "WETH", U256)
    s.wait(86400).withdraw(ALICE, "WBTC", e("0.5", 8))
    s.withdraw(ALICE, "WBTC", e("1.4", 8))                         # HF would drop below 1
    s.withdraw(LP, "USDC", U256)                                   # more than the cash
    s.check([ALICE, LP])
    out.append(s)

    # 11. Random liquidations (fuzz), checked call by call.
    rng = random.Random(20240611)
    for k in range(32):
        rules = "v3.3" if k % 4 else "v3.0"
        s = AaveScenario(f"random_{k:02d}", [WETH, USDC, DAI, WBTC], rules=rules, note="seeded random position")
        s.full_state = False
        base_market(s)
        s.supply(LP, "WBTC", e(50, 8))
        s.supply(LP, "WETH", e(1000, 18))
        user = 0x5000 + k
        coll_syms = rng.sample(["WETH", "USDC", "DAI", "WBTC"], rng.randint(1, 2))
        for c in coll_syms:
            dec = {"WETH": 18, "USDC": 6, "DAI": 18, "WBTC": 8}[c]
            usd = rng.choice([500, 1500, 2500, 8000, 40000, 150000])
            px = s.pool.prices[c]
            s.wait(rng.randint(1, 600)).supply(user, c, usd * 10**dec * 10**8 // px + rng.randint(0, 10**(dec - 1)))
        debt_syms = rng.sample([x for x in ["USDC", "DAI", "WETH"] if x not in coll_syms] or ["WBTC"], 1)
        d = debt_syms[0]
        acct = s.pool.account_data(user, s.t)
        room = acct["coll"] * acct["ltv"] // 10000
        dec = {"WETH": 18, "USDC": 6, "DAI": 18, "WBTC": 8}[d]
        amount = room * rng.randint(85, 99) // 100 * 10**dec // s.pool.prices[d]
        s.wait(rng.randint(1, 600)).borrow(user, d, amount)
        s.wait(rng.randint(60, 90 * 86400))
        if d == "WETH":
            s.price("WETH", s.pool.prices["WETH"] * rng.randint(100, 160) // 100)
        for c in coll_syms:
            if c not in ("USDC", "DAI"):
                s.price(c, s.pool.prices[c] * rng.randint(50, 97) // 100)
            else:
                s.price(c, s.pool.prices[c] * rng.randint(90, 100) // 100)
        s.check([user])
        for _ in range(rng.randint(1, 3)):
            c = rng.choice(coll_syms)
            choice = rng.random()
            if choice < 0.35:
                cover = U256
            else:
                debt_now = v_balance(s.pool.pos(user).d.get(s.pool.by_symbol[d].id, 0), s.pool.by_symbol[d].vi)
                cover = max(1, debt_now * rng.randint(1, 100) // 100)
            s.wait(rng.randint(0, 30)).liquidate(user, c, d, cover, receive=rng.random() < 0.3)
        s.check([user, LIQ, AavePool.TREASURY])
        out.append(s)
    return out


# --- Compound v2 (2.9) -----------------------------------------------------------------------

EXP = 10**18
BLOCKS_PER_YEAR = 2_102_400


class CRevert(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class CFail(Exception):
    def __init__(self, error, info, detail=0):
        super().__init__(error)
        self.error, self.info, self.detail = error, info, detail


def c_mul(a, b):
    c = a * b
    if c > U256: raise CRevert("multiplication overflow")
    return c


def c_add(a, b):
    c = a + b
    if c > U256: raise CRevert("addition overflow")
    return c


def c_sub(a, b):
    if b > a: raise CRevert("subtraction underflow")
    return a - b


def c_div(a, b):
    if b == 0: raise CRevert("divide by zero")
    return a // b


def mul_exp(a, b): return c_mul(a, b) // EXP
def div_exp(a, b): return c_div(c_mul(a, EXP), b)
def mul_trunc(a, s): return c_mul(a, s) // EXP


# Error / FailureInfo ordinals (ErrorReporter.sol, ae4388e)
ERR = dict(NO_ERROR=0, COMPTROLLER_REJECTION=3, INVALID_ACCOUNT_PAIR=6, INVALID_CLOSE_AMOUNT_REQUESTED=7,
           TOKEN_INSUFFICIENT_CASH=14)
CERR = dict(NO_ERROR=0, INSUFFICIENT_SHORTFALL=3, INSUFFICIENT_LIQUIDITY=4, PRICE_ERROR=13, TOO_MUCH_REPAY=17)
INFO = dict(BORROW_CASH_NOT_AVAILABLE=9, BORROW_COMPTROLLER_REJECTION=14, LIQUIDATE_COMPTROLLER_REJECTION=18,
            LIQUIDATE_CLOSE_AMOUNT_IS_UINT_MAX=20, LIQUIDATE_CLOSE_AMOUNT_IS_ZERO=21,
            LIQUIDATE_LIQUIDATOR_IS_BORROWER=23)


class Market:
    def __init__(self, mid, p, block):
        self.id = mid; self.symbol = p["symbol"]; self.decimals = p["decimals"]
        self.ctoken = p["cToken"]
        self.cf = p["collateralFactor"]; self.rf = p["reserveFactor"]; self.init_rate = p["initialExchangeRate"]
        self.share = p["protocolSeizeShare"]
        base, mult, jump, kink = p["model"]
        self.base = base // BLOCKS_PER_YEAR; self.mult = mult // BLOCKS_PER_YEAR
        self.jump = jump // BLOCKS_PER_YEAR; self.kink = kink
        self.total_supply = 0; self.total_borrows = 0; self.total_reserves = 0
        self.index = EXP; self.block = block
        self.tokens = {}; self.borrows = {}; self.cash = 0

    def util(self, cash, borrows, reserves):
        if borrows == 0: return 0
        return c_div(c_mul(borrows, EXP), c_sub(c_add(cash, borrows), reserves))

    def borrow_rate(self):
        u = self.util(self.cash, self.total_borrows, self.total_reserves)
        if u <= self.kink:
            return c_add(mul_trunc(u, self.mult), self.base)
        normal = c_add(mul_trunc(self.kink, self.mult), self.base)
        return c_add(mul_trunc(u - self.kink, self.jump), normal)

    def accrue(self, block):
        if block == self.block: return
        rate = self.borrow_rate()
        if rate > 5 * 10**12: raise CRevert("borrow rate is absurdly high")
        sif = c_mul(rate, block - self.block)
        interest = mul_trunc(sif, self.total_borrows)
        self.total_borrows = c_add(interest, self.total_borrows)
        self.total_reserves = c_add(mul_trunc(self.rf, interest), self.total_reserves)
        self.index = c_add(mul_trunc(sif, self.index), self.index)
        self.block = block

    def exchange_rate(self):
        if self.total_supply == 0: return self.init_rate
        s = self.cash + self.total_borrows
        if s < self.total_reserves: raise CRevert("exchangeRateStored: exchangeRateStoredInternal failed")
        return div_exp(s - self.total_reserves, self.total_supply)

    def borrow_balance(self, a):
        snap = self.borrows.get(a)
        if snap is None or snap[0] == 0: return 0
        return c_div(c_mul(snap[0], self.index), snap[1])

    def snapshot(self):
        return {"totalSupply": str(self.total_supply), "totalBorrows": str(self.total_borrows),
                "totalReserves": str(self.total_reserves), "borrowIndex": str(self.index),
                "accrualBlockNumber": self.block, "cash": str(self.cash),
                "tokens": {str(k): str(v) for k, v in sorted(self.tokens.items())},
                "borrows": {str(k): [str(v[0]), str(v[1])] for k, v in sorted(self.borrows.items())}}


class Comptroller:
    def __init__(self, markets, block, close_factor, incentive):
        self.markets = [Market(i, p, block) for i, p in enumerate(markets)]
        self.by_symbol = {m.symbol: m for m in self.markets}
        self.cf = close_factor; self.incentive = incentive
        self.assets = {}; self.prices = {}

    def liquidity(self, account, modify=None, redeem=0, borrow=0):
        coll = 0; borrows = 0
        for mid in self.assets.get(account, []):
            m = self.markets[mid]
            bal = m.tokens.get(account, 0); bb = m.borrow_balance(account); er = m.exchange_rate()
            price = self.prices.get(m.symbol, 0)
            if price == 0: return CERR["PRICE_ERROR"], 0, 0
            ttd = mul_exp(mul_exp(m.cf, er), price)
            coll = c_add(mul_trunc(ttd, bal), coll)
            borrows = c_add(mul_trunc(price, bb), borrows)
            if mid == modify:
                borrows = c_add(mul_trunc(ttd, redeem), borrows)
                borrows = c_add(mul_trunc(price, borrow), borrows)
        if coll > borrows: return 0, coll - borrows, 0
        return 0, 0, borrows - coll

    def _transact(self, fn):
        import copy
        saved = copy.deepcopy((self.markets, self.assets))
        try:
            return fn()
        except CRevert:
            self.markets, self.assets = saved
            self.by_symbol = {m.symbol: m for m in self.markets}
            raise

    def enter(self, account, sym):
        lst = self.assets.setdefault(account, [])
        if self.by_symbol[sym].id not in lst: lst.append(self.by_symbol[sym].id)
        return {}

    def mint(self, account, sym, amount, block):
        def run():
            m = self.by_symbol[sym]
            m.accrue(block)
            er = m.exchange_rate()
            m.cash += amount
            tokens = c_mul(c_mul(EXP, amount), EXP) // er // EXP
            m.total_supply = c_add(m.total_supply, tokens)
            m.tokens[account] = c_add(m.tokens.get(account, 0), tokens)
            return {"amount": str(amount)}
        return self._transact(run)

    def borrow(self, account, sym, amount, block):
        def run():
            m = self.by_symbol[sym]
            m.accrue(block)
            self.enter(account, sym)
            if self.prices.get(sym, 0) == 0:
                raise CFail(ERR["COMPTROLLER_REJECTION"], INFO["BORROW_COMPTROLLER_REJECTION"], CERR["PRICE_ERROR"])
            err, _, shortfall = self.liquidity(account, m.id, 0, amount)
            if err: raise CFail(ERR["COMPTROLLER_REJECTION"], INFO["BORROW_COMPTROLLER_REJECTION"], err)
            if shortfall: raise CFail(ERR["COMPTROLLER_REJECTION"], INFO["BORROW_COMPTROLLER_REJECTION"],
                                      CERR["INSUFFICIENT_LIQUIDITY"])
            if m.cash < amount: raise CFail(ERR["TOKEN_INSUFFICIENT_CASH"], INFO["BORROW_CASH_NOT_AVAILABLE"])
            new = c_add(m.borrow_balance(account), amount)
            total = c_add(m.total_borrows, amount)
            m.cash -= amount
            m.borrows[account] = (new, m.index)
            m.total_borrows = total
            return {"amount": str(amount)}
        return self._transact(run)

    def _repay_fresh(self, m, payer, borrower, amount):
        bb = m.borrow_balance(borrower)
        amt = bb if amount == U256 else amount
        m.cash += amt
        if bb < amt: raise CRevert("REPAY_BORROW_NEW_ACCOUNT_BORROW_BALANCE_CALCULATION_FAILED")
        if m.total_borrows < amt: raise CRevert("REPAY_BORROW_NEW_TOTAL_BALANCE_CALCULATION_FAILED")
        m.borrows[borrower] = (bb - amt, m.index)
        m.total_borrows -= amt
        return amt

    def repay(self, account, sym, amount, block):
        def run():
            m = self.by_symbol[sym]
            m.accrue(block)
            return {"amount": str(self._repay_fresh(m, account, account, amount))}
        return self._transact(run)

    def liquidate(self, liquidator, borrower, sym, amount, coll_sym, block):
        def run():
            m = self.by_symbol[sym]; cm = self.by_symbol[coll_sym]
            m.accrue(block); cm.accrue(block)
            bb = m.borrow_balance(borrower)
            err, _, shortfall = self.liquidity(borrower)
            if err: raise CFail(ERR["COMPTROLLER_REJECTION"], INFO["LIQUIDATE_COMPTROLLER_REJECTION"], err)
            if shortfall == 0:
                raise CFail(ERR["COMPTROLLER_REJECTION"], INFO["LIQUIDATE_COMPTROLLER_REJECTION"],
                            CERR["INSUFFICIENT_SHORTFALL"])
            if amount > mul_trunc(self.cf, bb):
                raise CFail(ERR["COMPTROLLER_REJECTION"], INFO["LIQUIDATE_COMPTROLLER_REJECTION"], CERR["TOO_MUCH_REPAY"])
            if borrower == liquidator:
                raise CFail(ERR["INVALID_ACCOUNT_PAIR"], INFO["LIQUIDATE_LIQUIDATOR_IS_BORROWER"])
            if amount == 0:
                raise CFail(ERR["INVALID_CLOSE_AMOUNT_REQUESTED"], INFO["LIQUIDATE_CLOSE_AMOUNT_IS_ZERO"])
            if amount == U256:
                raise CFail(ERR["INVALID_CLOSE_AMOUNT_REQUESTED"], INFO["LIQUIDATE_CLOSE_AMOUNT_IS_UINT_MAX"])
            actual = self._repay_fresh(m, liquidator, borrower, amount)
            pb = self.prices.get(sym, 0); pc = self.prices.get(coll_sym, 0)
            if pb == 0 or pc == 0: raise CRevert("LIQUIDATE_COMPTROLLER_CALCULATE_AMOUNT_SEIZE_FAILED")
            er = cm.exchange_rate()
            ratio = div_exp(mul_exp(self.incentive, pb), mul_exp(pc, er))
            seize = mul_trunc(ratio, actual)
            bt = cm.tokens.get(borrower, 0)
            if bt < seize: raise CRevert("LIQUIDATE_SEIZE_TOO_MUCH")
            protocol = mul_trunc(seize, cm.share)
            liq_tokens = c_sub(seize, protocol)
            er2 = cm.exchange_rate()
            protocol_amount = mul_trunc(er2, protocol)
            cm.total_reserves = c_add(cm.total_reserves, protocol_amount)
            cm.total_supply = c_sub(cm.total_supply, protocol)
            cm.tokens[borrower] = bt - seize
            cm.tokens[liquidator] = c_add(cm.tokens.get(liquidator, 0), liq_tokens)
            return {"amount": str(actual), "seizeTokens": str(seize), "protocolSeizeTokens": str(protocol)}
        return self._transact(run)

    def snapshot(self):
        return {"markets": [m.snapshot() for m in self.markets],
                "assets": {str(k): list(v) for k, v in sorted(self.assets.items())}}


CETH = dict(symbol="WETH", decimals=18, address=0x2001, cToken=0xC2001, collateralFactor=75 * 10**16,
            reserveFactor=20 * 10**16, initialExchangeRate=2 * 10**26, protocolSeizeShare=28 * 10**15,
            model=[2 * 10**16, 10 * 10**16, 300 * 10**16, 80 * 10**16])
CUSDC = dict(symbol="USDC", decimals=6, address=0x2002, cToken=0xC2002, collateralFactor=80 * 10**16,
             reserveFactor=7 * 10**16, initialExchangeRate=2 * 10**14, protocolSeizeShare=28 * 10**15,
             model=[0, 4 * 10**16, 109 * 10**16, 80 * 10**16])
CDAI = dict(symbol="DAI", decimals=18, address=0x2003, cToken=0xC2003, collateralFactor=75 * 10**16,
            reserveFactor=15 * 10**16, initialExchangeRate=2 * 10**26, protocolSeizeShare=28 * 10**15,
            model=[0, 5 * 10**16, 109 * 10**16, 80 * 10**16])
B0 = 12_000_000


class CompoundScenario:
    def __init__(self, name, markets, close_factor=5 * 10**17, incentive=108 * 10**16, note=""):
        self.name = name; self.note = note; self.params = markets
        self.close_factor = close_factor; self.incentive = incentive
        self.c = Comptroller(markets, B0, close_factor, incentive)
        self.steps = []; self.block = B0

    def _record(self, step, fn):
        try:
            step["expect"] = {"result": fn()}
        except CRevert as e:
            step["expect"] = {"revert": e.reason}
        except CFail as f:
            step["expect"] = {"failure": [f.error, f.info, f.detail]}
        step["state"] = self.c.snapshot()
        self.steps.append(step)
        return step["expect"]

    def wait(self, blocks):
        self.block += blocks
        return self

    def price(self, sym, usd18):
        m = self.c.by_symbol[sym]
        p = usd18 * 10**(18 - m.decimals)
        self.c.prices[sym] = p
        self.steps.append({"op": "price", "asset": sym, "price": str(p)})
        return self

    def enter(self, user, sym):
        return self._record({"op": "enter", "user": user, "asset": sym}, lambda: self.c.enter(user, sym))

    def mint(self, user, sym, amount):
        return self._record({"op": "mint", "user": user, "asset": sym, "amount": str(amount), "block": self.block},
                            lambda: self.c.mint(user, sym, amount, self.block))

    def borrow(self, user, sym, amount):
        return self._record({"op": "borrow", "user": user, "asset": sym, "amount": str(amount), "block": self.block},
                            lambda: self.c.borrow(user, sym, amount, self.block))

    def repay(self, user, sym, amount):
        return self._record({"op": "repay", "user": user, "asset": sym, "amount": str(amount), "block": self.block},
                            lambda: self.c.repay(user, sym, amount, self.block))

    def liquidate(self, borrower, sym, amount, coll, liquidator=LIQ):
        return self._record({"op": "liquidate", "user": liquidator, "borrower": borrower, "asset": sym,
                             "amount": str(amount), "collateral": coll, "block": self.block},
                            lambda: self.c.liquidate(liquidator, borrower, sym, amount, coll, self.block))

    def check(self, users):
        views = {}
        for u in users:
            err, liq, short = self.c.liquidity(u)
            views[str(u)] = {"error": err, "liquidity": str(liq), "shortfall": str(short)}
        self.steps.append({"op": "check", "accounts": views})
        return self

    def json(self):
        return {"name": self.name, "note": self.note, "closeFactor": str(self.close_factor),
                "incentive": str(self.incentive), "block0": B0,
                "markets": [{"symbol": p["symbol"], "decimals": p["decimals"], "address": p["address"],
                             "cToken": p["cToken"], "collateralFactor": str(p["collateralFactor"]),
                             "reserveFactor": str(p["reserveFactor"]),
                             "initialExchangeRate": str(p["initialExchangeRate"]),
                             "protocolSeizeShare": str(p["protocolSeizeShare"]),
                             "model": [str(x) for x in p["model"]]} for p in self.params],
                "steps": self.steps}


def compound_scenarios():
    out = []

    def setup(s):
        s.price("WETH", 2000 * EXP).price("USDC", EXP)
        if "DAI" in s.c.by_symbol: s.price("DAI", EXP)
        s.mint(LP, "USDC", e(1_000_000, 6))
        if "DAI" in s.c.by_symbol: s.mint(LP, "DAI", e(1_000_000, 18))
        return s

    # Seize with the 2.8 % protocol share, close factor, shortfall.
    s = setup(CompoundScenario("seize_share_and_close_factor", [CETH, CUSDC, CDAI],
                               note="2021+: incentive 1.08, 2.8 % of seized cTokens to reserves"))
    s.wait(1).mint(ALICE, "WETH", e(10, 18))
    s.enter(ALICE, "WETH")
    s.wait(1).borrow(ALICE, "USDC", e(15000, 6))
    s.wait(1).borrow(ALICE, "USDC", e(1000, 6))                  # insufficient liquidity (error code)
    s.check([ALICE])
    s.wait(5).liquidate(ALICE, "USDC", e(1000, 6), "WETH")        # no shortfall yet (error code)
    s.wait(100).price("WETH", 1900 * EXP).check([ALICE])
    s.liquidate(ALICE, "USDC", e(8000, 6), "WETH")               # above close factor (error code)
    s.liquidate(ALICE, "USDC", 0, "WETH")                        # zero (error code)
    s.liquidate(ALICE, "USDC", e(1000, 6), "WETH", liquidator=ALICE)  # self (error code)
    s.liquidate(ALICE, "USDC", e(7000, 6), "WETH")               # fine
    s.check([ALICE])
    s.wait(1000).liquidate(ALICE, "USDC", e(3000, 6), "WETH")
    s.check([ALICE])
    out.append(s)

    # 2020 parameters: no seize share, incentive 1.05; seize-too-much revert.
    no_share = [{**CETH, "protocolSeizeShare": 0}, {**CUSDC, "protocolSeizeShare": 0}]
    s = setup(CompoundScenario("march_2020_no_share", no_share, incentive=105 * 10**16,
                               note="before 2.9: all seized cTokens to the liquidator"))
    s.wait(1).mint(BOB, "WETH", e(5, 18))
    s.enter(BOB, "WETH")
    s.wait(1).borrow(BOB, "USDC", e(7400, 6))
    s.wait(50).price("WETH", 1000 * EXP).check([BOB])
    s.liquidate(BOB, "USDC", e(3700, 6), "WETH")
    s.liquidate(BOB, "USDC", e(1, 6), "USDC")                    # no cUSDC to seize: revert
    s.check([BOB])
    out.append(s)

    # Interest accrual over many blocks; repayment; full repay.
    s = setup(CompoundScenario("accrual_and_repay", [CETH, CUSDC], note="borrow index and exchange rate grow"))
    s.wait(1).mint(CAROL, "WETH", e(100, 18))
    s.enter(CAROL, "WETH")
    s.wait(1).borrow(CAROL, "USDC", e(120000, 6))
    for _ in range(4):
        s.wait(50_000).mint(LP, "USDC", e(1, 6))
    s.repay(CAROL, "USDC", e(20000, 6))
    s.wait(10).repay(CAROL, "USDC", e(10**9, 6))                 # more than owed: revert
    s.repay(CAROL, "USDC", U256)
    s.check([CAROL])
    out.append(s)

    # Random liquidations.
    rng = random.Random(77)
    for k in range(16):
        s = setup(CompoundScenario(f"random_{k:02d}", [CETH, CUSDC, CDAI], note="seeded random position"))
        user = 0x6000 + k
        s.wait(1).mint(user, "WETH", e(rng.randint(1, 50), 18) + rng.randint(0, 10**17))
        s.enter(user, "WETH")
        debt = rng.choice(["USDC", "DAI"])
        _, liq, _ = s.c.liquidity(user)
        s.wait(1).borrow(user, debt, liq * rng.randint(80, 99) // 100 * EXP // s.c.prices[debt])
        s.wait(rng.randint(10, 200_000)).price("WETH", 2000 * EXP * rng.randint(70, 99) // 100).check([user])
        for _ in range(rng.randint(1, 3)):
            bb = s.c.by_symbol[debt].borrow_balance(user)
            amt = bb * rng.choice([10, 25, 40, 50, 51]) // 100
            s.wait(rng.randint(0, 20)).liquidate(user, debt, amt, "WETH")
        s.check([user])
        out.append(s)
    return out


def main():
    data = {"aave": [s.json() for s in aave_scenarios()], "compound": [s.json() for s in compound_scenarios()]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lending_vectors.json")
    with open(path, "w") as f:
        json.dump(data, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    steps = sum(len(s["steps"]) for s in data["aave"]) + sum(len(s["steps"]) for s in data["compound"])
    print(f"wrote {path}: {len(data['aave'])} Aave and {len(data['compound'])} Compound scenarios, {steps} steps")


if __name__ == "__main__":
    main()
