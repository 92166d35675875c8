// swift-tools-version: 6.1
import Foundation
import PackageDescription

/// Where librdkafka (>= 2.8) lives when it is not the system's: `LEEWAY_RDKAFKA_PREFIX`, else the
/// copy `make deps` builds into `.deps/librdkafka`. SwiftPM drops rpath flags found in .pc files,
/// so the rpath is added here; without it the binary would load Debian's older librdkafka.
let rdkafkaPrefix: String? = {
    if let prefix = ProcessInfo.processInfo.environment["LEEWAY_RDKAFKA_PREFIX"], !prefix.isEmpty {
        return prefix
    }
    let local = Context.packageDirectory + "/.deps/librdkafka"
    return FileManager.default.fileExists(atPath: local + "/include/librdkafka/rdkafka.h") ? local : nil
}()

let rdkafkaSwiftSettings: [SwiftSetting] = rdkafkaPrefix.map { [.unsafeFlags(["-Xcc", "-I\($0)/include"])] } ?? []
let rdkafkaLinkerSettings: [LinkerSetting] = rdkafkaPrefix.map {
    [.unsafeFlags(["-L\($0)/lib", "-Xlinker", "-rpath", "-Xlinker", "\($0)/lib"])]
} ?? []

/// Where ONNX Runtime's C library and header live: `LEEWAY_ONNXRUNTIME_PREFIX`, else what
/// `make deps` links into `.deps/onnxruntime` (the library from the onnxruntime wheel, the
/// header from Debian 13's source package), with an rpath as for librdkafka.
let onnxRuntimePrefix: String? = {
    if let prefix = ProcessInfo.processInfo.environment["LEEWAY_ONNXRUNTIME_PREFIX"], !prefix.isEmpty {
        return prefix
    }
    let local = Context.packageDirectory + "/.deps/onnxruntime"
    return FileManager.default.fileExists(atPath: local + "/include/onnxruntime_c_api.h") ? local : nil
}()

let onnxSwiftSettings: [SwiftSetting] = onnxRuntimePrefix.map { [.unsafeFlags(["-Xcc", "-I\($0)/include"])] } ?? []
let onnxLinkerSettings: [LinkerSetting] = onnxRuntimePrefix.map {
    [.unsafeFlags(["-L\($0)/lib", "-Xlinker", "-rpath", "-Xlinker", "\($0)/lib"])]
} ?? []

let package = Package(
    name: "Leeway",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "leeway", targets: ["leeway"]),
        .library(name: "Kafka", targets: ["Kafka"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(name: "CRdKafka", path: "Sources/CRdKafka"),
        .target(
            name: "Kafka",
            dependencies: [
                "CRdKafka",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
        .systemLibrary(name: "COnnxRuntime", path: "Sources/COnnxRuntime"),
        .target(name: "LeewayCore"),
        .target(
            name: "LeewayInference",
            dependencies: [
                "COnnxRuntime", "LeewayCore", "LeewayModels",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: onnxSwiftSettings,
            linkerSettings: onnxLinkerSettings
        ),
        .target(name: "LeewaySimulator", dependencies: ["LeewayCore"]),
        .target(name: "LeewayModels", dependencies: ["LeewayCore"]),
        // Fitting is numeric work that a debug build runs some 50× slower: optimized in every
        // configuration, so that the test suite trains real models in seconds.
        .target(name: "LeewayTraining", dependencies: ["LeewayCore", "LeewayModels"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "LeewayEvaluation", dependencies: ["LeewayCore", "LeewayModels", "LeewayTraining", "LeewaySimulator"]),
        .target(
            name: "LeewayTopics",
            dependencies: ["Kafka", "LeewayCore", "LeewayModels", .product(name: "Logging", package: "swift-log")],
            swiftSettings: rdkafkaSwiftSettings
        ),
        .target(
            name: "LeewayPipeline",
            dependencies: [
                "Kafka",
                "LeewayCore",
                "LeewayModels",
                "LeewayInference",
                "LeewayTopics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: rdkafkaSwiftSettings
        ),
        .target(
            name: "LeewayServer",
            dependencies: [
                "Kafka", "LeewayCore", "LeewayModels", "LeewayTopics",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: rdkafkaSwiftSettings
        ),
        .executableTarget(
            name: "leeway",
            dependencies: [
                "LeewayServer",
                "Kafka",
                "LeewayCore",
                "LeewayPipeline", "LeewayTopics",
                "LeewayModels",
                "LeewayInference",
                "LeewayTraining",
                "LeewaySimulator",
                "LeewayEvaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
        .executableTarget(
            name: "leeway-bench",
            dependencies: [
                "Kafka", "KafkaTestSupport", "LeewayCore", "LeewayPipeline", "LeewayTopics", "LeewayServer", "LeewaySimulator",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/LeewayBench",
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
        .executableTarget(
            name: "leeway-chaos",
            dependencies: [
                "Kafka", "KafkaTestSupport", "LeewayCore", "LeewayModels", "LeewayPipeline", "LeewayTopics", "LeewaySimulator", "LeewayTraining",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Chaos/LeewayChaos",
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
        .testTarget(name: "LeewayCoreTests", dependencies: ["LeewayCore"]),
        .testTarget(name: "LeewaySimulatorTests", dependencies: ["LeewaySimulator", "LeewayCore"]),
        .testTarget(name: "LeewayEvaluationTests",
                    dependencies: ["LeewayEvaluation", "LeewayTraining", "LeewayModels", "LeewaySimulator", "LeewayCore"]),
        .testTarget(name: "LeewayInferenceTests",
                    dependencies: ["LeewayInference", "LeewayTraining", "LeewayModels", "LeewaySimulator", "LeewayCore", "ProcessTestSupport"],
                    swiftSettings: onnxSwiftSettings, linkerSettings: onnxLinkerSettings),
        .testTarget(name: "LeewayTrainingTests",
                    dependencies: ["LeewayTraining", "LeewayModels", "LeewaySimulator", "LeewayCore", "BrowserTestSupport"]),
        .target(name: "BrowserTestSupport", path: "Tests/BrowserTestSupport"),
        .target(name: "ProcessTestSupport", path: "Tests/ProcessTestSupport"),
        .target(
            name: "KafkaTestSupport",
            dependencies: ["CRdKafka", "Kafka"],
            path: "Tests/KafkaTestSupport",
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
        .testTarget(
            name: "LeewayPipelineTests",
            dependencies: [
                "LeewayPipeline", "LeewayTopics", "LeewayCore", "LeewaySimulator", "LeewayModels", "LeewayTraining", "LeewayServer", "Kafka",
                "LeewayInference",
                "KafkaTestSupport", "BrowserTestSupport", "ProcessTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
        .testTarget(
            name: "KafkaTests",
            dependencies: [
                "Kafka",
                "KafkaTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: rdkafkaSwiftSettings,
            linkerSettings: rdkafkaLinkerSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
