// ONNX Runtime's C API (onnxruntime_c_api.h from Debian 13's onnxruntime source package,
// put under .deps/onnxruntime/include by `make deps`).
#ifndef LEEWAY_CONNXRUNTIME_SHIM_H
#define LEEWAY_CONNXRUNTIME_SHIM_H

#include <onnxruntime_c_api.h>

/// The API table of the header's version, or NULL when the loaded library is older.
static inline const OrtApi *leeway_ort_api(void) {
    const OrtApiBase *base = OrtGetApiBase();
    return base ? base->GetApi(ORT_API_VERSION) : NULL;
}

/// The header's C API version.
static inline uint32_t leeway_ort_api_version(void) { return ORT_API_VERSION; }

#endif
