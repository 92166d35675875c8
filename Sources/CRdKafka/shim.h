// C entry points that Swift cannot call directly (librdkafka's variadic producev), and
// librdkafka's mock cluster (fault injection in chaos tests).
#ifndef CRDKAFKA_SHIM_H
#define CRDKAFKA_SHIM_H

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

/// Enqueues one message, copying key and value. `headers` (may be NULL) is owned by
/// librdkafka when this returns RD_KAFKA_RESP_ERR_NO_ERROR, and by the caller otherwise.
static inline rd_kafka_resp_err_t kafka_produce_record(rd_kafka_t *rk, rd_kafka_topic_t *rkt,
                                                 int32_t partition,
                                                 const void *key, size_t key_len,
                                                 const void *value, size_t value_len,
                                                 rd_kafka_headers_t *headers,
                                                 int64_t timestamp_ms,
                                                 void *opaque) {
    return rd_kafka_producev(rk,
                             RD_KAFKA_V_RKT(rkt),
                             RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                             RD_KAFKA_V_KEY(key, key_len),
                             RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_HEADERS(headers),
                             RD_KAFKA_V_TIMESTAMP(timestamp_ms),
                             RD_KAFKA_V_OPAQUE(opaque),
                             RD_KAFKA_V_END);
}

#endif
