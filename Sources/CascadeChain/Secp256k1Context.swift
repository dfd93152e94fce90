import CSecp256k1
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The single libsecp256k1 context that every key and signature operation uses.
///
/// **Why sharing one context across threads is safe.** `secp256k1.h` states that "a constructed
/// context can safely be used from multiple threads simultaneously, but API calls that take a
/// non-const pointer to a context need exclusive access to it" — namely destroy, randomize and
/// the callback setters. All three mutating calls (randomize, setting the illegal-argument
/// callback) happen in `init`, before `shared` is published; Swift initialises a `static let`
/// exactly once and makes the result visible to every thread that reads it afterwards. From then
/// on only const-context calls (sign, recover, verify, parse, serialize, seckey check) are made,
/// and the context is never destroyed because `shared` lives for the whole process.
///
/// **Randomization.** The context is blinded with 32 bytes from `SystemRandomNumberGenerator`.
/// Blinding only hardens the secret-key computations against timing and power side channels; it
/// does not change any result, so RFC 6979 signatures stay deterministic.
///
/// **Illegal-argument callback.** libsecp256k1 calls this callback (by default: print and abort)
/// when it is handed an argument its header forbids, such as a NULL pointer or a recovery id
/// outside 0...3. This package validates every input in Swift before calling the library —
/// buffer lengths, recovery ids, scalar ranges and point validity — so the callback is unreachable
/// from bad input. The installed callback therefore does not abort: it counts the event in
/// `illegalArgumentCount` (which the tests assert stays zero) and writes the library's message to
/// standard error. The library call then returns 0, which the wrapper treats as failure — a
/// `precondition` naming the call site wherever validated input cannot fail.
final class Secp256k1Context: @unchecked Sendable {
    /// The process-wide context; created and randomized on first use, then only read.
    static let shared = Secp256k1Context()

    /// Number of times libsecp256k1 reported an illegal argument; zero unless this wrapper has a bug.
    static let illegalArgumentCount = Atomic<Int>(0)

    /// The context handle; pass it only to libsecp256k1 functions taking `const secp256k1_context *`.
    let pointer: OpaquePointer

    private init() {
        guard let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("secp256k1_context_create failed to allocate a context")
        }
        var seed = SystemRandomNumberGenerator()
        let seedWords = (seed.next() as UInt64, seed.next() as UInt64, seed.next() as UInt64, seed.next() as UInt64)
        let randomized = withUnsafeBytes(of: seedWords) { seed32 in
            secp256k1_context_randomize(context, seed32.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        precondition(randomized == 1, "secp256k1_context_randomize rejected the 32-byte seed")
        secp256k1_context_set_illegal_callback(context, { message, _ in
            Secp256k1Context.illegalArgumentCount.add(1, ordering: .relaxed)
            let text = "CascadeChain: libsecp256k1 illegal argument: \(message.map { String(cString: $0) } ?? "?")\n"
            text.utf8CString.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count - 1) }
        }, nil)
        pointer = context
    }
}
