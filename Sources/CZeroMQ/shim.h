#ifndef RECUR_CZEROMQ_SHIM_H
#define RECUR_CZEROMQ_SHIM_H
#include <zmq.h>

/// ZMQ_VERSION is a function-like macro chain Swift cannot import.
static inline int recur_zmq_header_version(void) { return ZMQ_VERSION; }

#endif
