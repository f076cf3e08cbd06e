// swift-tools-version:6.0
// SignAnchor: broadcast speech to a signing 3D avatar. One library per stage, one program.
import PackageDescription

let package = Package(
    name: "SignAnchor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "signanchor", targets: ["signanchor"]),
        .library(name: "MediaIO", targets: ["MediaIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already under Hummingbird; named for the server's shutdown order (ServiceLifecycle) and HTTP/1.0 (NIOHTTP1).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // MARK: C system libraries (Debian 12: FFmpeg 5.1, OpenBLAS 0.3.21)
        .systemLibrary(
            name: "CFFmpeg",
            path: "Sources/CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavutil-dev",
                              "libswresample-dev", "libswscale-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            path: "Sources/COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // zlib: only for Whisper's compression-ratio check (Debian zlib1g-dev)
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenCC: Traditional → Simplified Chinese in transcripts (Debian libopencc-dev)
        .systemLibrary(name: "COpenCC", path: "Sources/COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        // Our own C: the decoder's few-rows products in AVX2 + FMA (chosen at run time), which Swift's SIMD types,
        // compiled for baseline x86-64, cannot reach
        .target(name: "CWhisperKernels", cSettings: [.unsafeFlags(["-O3"])]),

        // MARK: Stages
        .target(name: "AnchorCore"),
        .target(name: "MediaIO", dependencies: ["AnchorCore", "CFFmpeg"]),
        .target(name: "Lexicon", dependencies: ["AnchorCore"]),
        .target(name: "Motion", dependencies: ["AnchorCore", "Lexicon"]),
        .target(name: "Gloss", dependencies: ["AnchorCore", "Lexicon"]),
        .target(name: "Distill", dependencies: ["AnchorCore", "Lexicon"]),
        .target(name: "Render", dependencies: ["AnchorCore", "Motion"]),
        .target(name: "Whisper", dependencies: ["AnchorCore", "COpenBLAS", "COpenCC", "CWhisperKernels", "CZlib"]),
        .target(name: "Pipeline", dependencies: ["AnchorCore", "Distill", "Gloss", "Lexicon", "MediaIO", "Motion", "Render", "Whisper"]),

        // MARK: HTTP service (`signanchor serve`)
        .target(
            name: "Service",
            dependencies: [
                "AnchorCore", "Distill", "Gloss", "Lexicon", "MediaIO", "Motion", "Pipeline", "Render", "Whisper",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),

        // MARK: Program
        .executableTarget(
            name: "signanchor",
            dependencies: [
                "AnchorCore", "Distill", "Gloss", "Lexicon", "MediaIO", "Motion", "Pipeline", "Render", "Service", "Whisper",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks (driven by scripts/bench)
        .executableTarget(name: "anchor-bench", dependencies: ["AnchorCore", "Distill", "Lexicon", "MediaIO", "Motion", "Pipeline", "Render"],
                         path: "Benchmarks/anchor-bench"),

        // MARK: Tests
        .target(name: "TestSupport", dependencies: ["AnchorCore"], path: "Tests/TestSupport"),
        .testTarget(name: "AnchorCoreTests", dependencies: ["AnchorCore", "TestSupport"]),
        .testTarget(name: "MediaIOTests", dependencies: ["MediaIO", "TestSupport"]),
        .testTarget(name: "LexiconTests", dependencies: ["Lexicon", "TestSupport"]),
        .testTarget(name: "GlossTests", dependencies: ["Gloss", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DistillTests", dependencies: ["Distill", "TestSupport"]),
        .testTarget(name: "WhisperTests", dependencies: ["Whisper", "MediaIO", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "ServiceTests", dependencies: ["TestSupport"]),
        .testTarget(name: "MotionTests", dependencies: ["Motion", "Lexicon", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Distill", "Gloss", "Lexicon", "Motion", "TestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "Motion", "Lexicon", "MediaIO", "TestSupport"]),
    ]
)

// Upcoming language features: `any` on every existential, and members visible only from modules a file imports.
// Whisper and its tests are not converted yet.
let hygiene: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
for target in package.targets where target.type != .system && !["Whisper", "WhisperTests"].contains(target.name) {
    target.swiftSettings = (target.swiftSettings ?? []) + hygiene
}
