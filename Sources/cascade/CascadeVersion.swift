/// The engine version recorded in every output.
enum CascadeVersion {
    static let string = "0.1.0"
}
