#pragma once
// Pool counters shared by the master and its workers (php-fpm's scoreboard): one anonymous
// shared mapping created before the first fork, read by /status and /metrics.
#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <optional>

namespace pendientes {

inline constexpr int kMaxWorkerSlots = 256;

struct WorkerSlot {
    std::atomic<pid_t> pid{0};
    std::atomic<std::uint32_t> threads{0};
    std::atomic<std::uint32_t> busy{0};
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::int64_t> started_unix{0};
};

struct Scoreboard {
    std::atomic<std::int64_t> started_unix{0};
    std::atomic<std::uint64_t> requests_total{0};
    std::atomic<std::uint64_t> slow_requests_total{0};
    std::atomic<std::uint64_t> worker_restarts_total{0};
    std::atomic<std::uint64_t> reloads_total{0};
    std::atomic<std::uint64_t> listado_cache_hits_total{0};    // db/listado_cache.hpp
    std::atomic<std::uint64_t> listado_cache_misses_total{0};
    WorkerSlot slots[kMaxWorkerSlots];
};

// Creates the mapping (master, once). Later calls return the same one; nullptr if never created
// (e.g. in unit tests), in which case callers simply skip their counters.
Scoreboard* create_scoreboard();
Scoreboard* scoreboard();

// This worker process's slot (set in the child after fork).
void set_own_slot(int index);
WorkerSlot* own_slot();

// Listening-socket backlog currently waiting for accept(), when the kernel tells us.
std::optional<std::uint32_t> listen_queue_length(int listen_fd);
void set_listen_fd(int fd);
int listen_fd();

}  // namespace pendientes
