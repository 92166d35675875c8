# Leeway from this repository: librdkafka 2.8 and ONNX Runtime set up by scripts/deps.sh, then `swift build`.
FROM swift:6.3-bookworm AS build
WORKDIR /leeway
COPY scripts/deps.sh scripts/deps.sh
RUN LEEWAY_DEPS_MINIMAL=1 scripts/deps.sh
COPY . .
RUN swift build -c release --product leeway

FROM swift:6.3-bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libssl3 zlib1g libzstd1 liblz4-1 libsasl2-2 curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /leeway
# The binary's rpath names /leeway/.deps/{librdkafka,onnxruntime}/lib, so the libraries keep those paths.
COPY --from=build /leeway/.deps/librdkafka/lib /leeway/.deps/librdkafka/lib
COPY --from=build /leeway/.deps/onnxruntime/lib /leeway/.deps/onnxruntime/lib
COPY --from=build /leeway/.build/release/leeway /usr/local/bin/leeway
COPY topics /leeway/topics
ENTRYPOINT ["leeway"]
CMD ["--help"]
