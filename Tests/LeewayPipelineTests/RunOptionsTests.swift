import Testing

/// `leeway run` refuses options that cannot work, before it connects to anything.
@Suite("leeway run options")
struct RunOptionsTests {
    @Test("--alert-webhook belongs to a cache: the processor and monitor roles refuse it and say where it goes")
    func alertWebhookNeedsACache() async throws {
        for role in ["processor", "monitor"] {
            let (status, output) = try await LeewayCLI.run(["run", "--role", role, "--alert-webhook", "http://127.0.0.1:9/api/v2/alerts"])
            #expect(status != 0)
            #expect(output.contains("--alert-webhook is relayed by a cache"), "\(output)")
            #expect(output.contains("--role \(role) writes its alerts to the alerts topic"), "\(output)")
        }
    }

    @Test("--runbook-base-url must be an http(s) URL and goes with --alert-webhook")
    func runbookBaseURL() async throws {
        var (status, output) = try await LeewayCLI.run(["run", "--role", "cache", "--alert-webhook", "http://127.0.0.1:9/api/v2/alerts",
                                                       "--runbook-base-url", "docs/"])
        #expect(status != 0 && output.contains("--runbook-base-url must be an http(s) URL, got 'docs/'"), "\(output)")
        (status, output) = try await LeewayCLI.run(["run", "--role", "cache", "--runbook-base-url", "https://example.org/leeway/"])
        #expect(status != 0 && output.contains("--runbook-base-url applies to the alerts a cache relays to --alert-webhook"), "\(output)")
    }

    @Test("--delivery-timeout and --alert-resend must be positive")
    func timeoutsArePositive() async throws {
        for option in ["--delivery-timeout", "--alert-resend"] {
            let (status, output) = try await LeewayCLI.run(["run", "--role", "processor", option, "0"])
            #expect(status != 0)
            #expect(output.contains("\(option) must be a positive number of seconds"), "\(output)")
        }
    }

    @Test("a bad --http-address (or --metrics-address, its old name) is named as the option the user knows")
    func httpAddressIsNamed() async throws {
        for option in ["--http-address", "--metrics-address"] {
            let (status, output) = try await LeewayCLI.run(["run", "--role", "processor", option, "localhost"])
            #expect(status != 0)
            #expect(output.contains("--http-address (or its old name --metrics-address) expects host:port or 'off', got 'localhost'"), "\(output)")
        }
    }
}
