/// Names that Kubernetes would randomise, derived deterministically (GITOPS.md: the same tree and
/// clock give byte-identical output).
public enum Naming {
    /// The alphabet Kubernetes uses for `generateName` suffixes (no vowels, no look-alikes).
    public static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// `prefix` (cut to 58 characters, as the API server does) + 5 characters derived from `seed`.
    public static func generatedName(prefix: String, seed: String) -> String {
        String(prefix.prefix(58)) + suffix(seed: seed, count: 5)
    }

    /// `count` characters of the Kubernetes alphabet derived from a hash of `seed`.
    public static func suffix(seed: String, count: Int, alphabet: [Character] = alphabet) -> String {
        var hash = fnv1a64(seed)
        var out = ""
        for _ in 0..<count {
            out.append(alphabet[Int(hash % UInt64(alphabet.count))])
            hash /= UInt64(alphabet.count)
            if hash == 0 { hash = fnv1a64(seed + out) }
        }
        return out
    }

    /// FNV-1a, 64 bits: stable across runs and platforms (Swift's `Hasher` is seeded per process).
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
