#include "fcgi/worker.hpp"

#include <fcgiapp.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include "fcgi/access_log.hpp"
#include "fcgi/scoreboard.hpp"

namespace pendientes {
namespace {

std::atomic<bool> g_stopping{false};
std::atomic<std::int64_t> g_served{0};

// Workers leave with _Exit (no atexit handlers, nothing of the master's is run twice), which
// also skips LeakSanitizer's exit-time check. In a sanitizer build (scripts/test) the check
// runs here, after every request thread has ended; with ASAN_OPTIONS detect_leaks=0 it is a
// no-op. A leak becomes exit status kLeakExitStatus, which the master logs.
constexpr int kLeakExitStatus = 23;
int leak_check_status() {
#if defined(__SANITIZE_ADDRESS__)
    return __lsan_do_recoverable_leak_check() ? kLeakExitStatus : 0;
#else
    return 0;
#endif
}

void on_wakeup(int) {}  // only interrupts accept(); FCGI_FAIL_ACCEPT_ON_INTR makes it return

struct ThreadState {
    std::atomic<bool> in_accept{false};
    std::atomic<bool> done{false};
    pthread_t handle{};
};

const char* param(FCGX_Request& req, const char* name) {
    const char* v = FCGX_GetParam(name, req.envp);
    return v ? v : "";
}

Request read_request(FCGX_Request& req, std::int64_t max_body) {
    Request r;
    r.method = param(req, "REQUEST_METHOD");
    std::string_view uri = param(req, "REQUEST_URI");
    auto q = uri.find('?');
    r.raw_path = std::string(uri.substr(0, q));
    r.query_string = param(req, "QUERY_STRING");
    if (r.query_string.empty() && q != std::string_view::npos) r.query_string = std::string(uri.substr(q + 1));
    r.content_type = param(req, "CONTENT_TYPE");
    r.authorization = param(req, "HTTP_AUTHORIZATION");
    r.request_id = param(req, "HTTP_X_REQUEST_ID");
    r.remote_addr = param(req, "REMOTE_ADDR");
    if (const char* cl = FCGX_GetParam("CONTENT_LENGTH", req.envp); cl && *cl) {
        char* end = nullptr;
        long long n = std::strtoll(cl, &end, 10);
        if (*end == '\0' && n >= 0) r.content_length = n;
    }
    // Over the limit the body is never read: the service answers 413 after routing.
    if (r.content_length && *r.content_length > 0 && *r.content_length <= max_body) {
        r.body.resize(static_cast<std::size_t>(*r.content_length));
        int got = FCGX_GetStr(r.body.data(), static_cast<int>(r.body.size()), req.in);
        r.body.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    }
    return r;
}

// A connection that sends nothing this long after it was accepted is closed, as libfcgi's own
// accept does (a peer that connected and went away must not hold a thread).
constexpr auto kPrimerRegistro = std::chrono::milliseconds(2000);

bool llega_algo(int fd) {
    const auto deadline = std::chrono::steady_clock::now() + kPrimerRegistro;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd p{fd, POLLIN, 0};
        const int rc = ::poll(&p, 1, static_cast<int>(std::max<std::int64_t>(left.count(), 0)));
        if (rc > 0) return true;  // data, or the peer's close: libfcgi reads either cleanly
        if (rc == 0 || errno != EINTR) return false;
        // EINTR: the stop knock (SIGUSR1) landed here; this connection is still served.
    }
}

// The next connection from nginx, or -1 when the stop knock interrupted the wait.
//
// The worker accepts itself and hands the connection to FCGX_Accept_r as if it were a kept one
// (ipcFd set, keepConnection so that its opening Finish does not close it). libfcgi's own accept
// (OS_Accept) has two faults for a pool that drains on reload: once FCGX_ShutdownPending() is
// set, a connection its keeper poll rejects leaves it looping on the closed descriptor at 100 %
// CPU forever (seen after SIGHUP: an old worker spinning for minutes); and a SIGUSR1 knock that
// lands in that keeper poll drops the connection nginx just opened (a 502).
int accept_connection(int listen_fd) {
    for (;;) {
        const int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR) return -1;
            // ECONNABORTED and the like: the next one. Out of descriptors: do not spin on it.
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            if (g_stopping.load()) return -1;
            continue;
        }
        if (llega_algo(fd)) return fd;
        ::close(fd);
        if (g_stopping.load()) return -1;
    }
}

// Reads what is left of FCGI_STDIN, up to its end-of-stream record: a body over the limit, or
// the empty record that ends one read by its length. A socket closed with unread data makes
// the kernel reset it, and nginx may then see the reset before our answer (502). nginx has
// buffered the whole body (fastcgi_request_buffering), so this is a copy, not a wait on the
// client; it is what lets libfcgi close without polling for nginx's close first (pool.cpp).
void drain_stdin(FCGX_Request& req) {
    char scratch[16384];
    while (FCGX_GetStr(scratch, sizeof scratch, req.in) > 0) {
    }
}

const char* reason(int status) {
    switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 409: return "Conflict";
        case 413: return "Payload Too Large";
        case 415: return "Unsupported Media Type";
        case 429: return "Too Many Requests";
        case 503: return "Service Unavailable";
        default: return "Internal Server Error";
    }
}

void write_response(FCGX_Request& req, const Request& request, const Response& r) {
    std::string head;
    head.reserve(256);
    head += "Status: " + std::to_string(r.status) + " " + reason(r.status) + "\r\n";
    head += "Content-Type: " + r.content_type + "\r\n";
    head += "Content-Length: " + std::to_string(r.body.size()) + "\r\n";
    head += "X-Content-Type-Options: nosniff\r\n";
    head += "Cache-Control: no-store\r\n";
    if (!request.request_id.empty()) head += "X-Request-Id: " + request.request_id + "\r\n";
    for (const auto& [k, v] : r.headers) head += k + ": " + v + "\r\n";
    head += "\r\n";
    FCGX_PutStr(head.data(), static_cast<int>(head.size()), req.out);
    if (request.method != "HEAD") FCGX_PutStr(r.body.data(), static_cast<int>(r.body.size()), req.out);
}

void serve(int listen_fd, const Service& service, ThreadState& state) {
    // Only this signal may reach accept threads; SIGTERM/SIGHUP stay with the worker's main thread.
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGUSR1);
    pthread_sigmask(SIG_UNBLOCK, &unblock, nullptr);

    db::DriverThread driver_thread;
    db::Connection db(service.config().db);
    FCGX_Request req;
    FCGX_InitRequest(&req, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
    const std::int64_t max_requests = service.config().max_requests;

    while (!g_stopping.load()) {
        state.in_accept = true;
        if (g_stopping.load()) break;
        const int fd = accept_connection(listen_fd);
        state.in_accept = false;
        if (fd < 0) continue;  // the stop knock
        req.ipcFd = fd;
        req.keepConnection = 1;
        // A connection that does not open with a valid request is closed by libfcgi, which then
        // accepts the next one itself; the stop knock reaches that accept too (not the drain case).
        if (FCGX_Accept_r(&req) < 0) continue;

        WorkerSlot* slot = own_slot();
        if (slot) ++slot->busy;
        auto started = std::chrono::steady_clock::now();
        Request request = read_request(req, service.config().max_body_bytes);
        Outcome outcome = service.handle(request, db);
        write_response(req, request, outcome.response);
        drain_stdin(req);
        FCGX_Finish_r(&req);
        bool slow = log_request(request, outcome, started, service.config().slow_request_ms);
        if (slot) {
            --slot->busy;
            ++slot->requests;
        }
        if (Scoreboard* board = scoreboard()) {
            ++board->requests_total;
            if (slow) ++board->slow_requests_total;
        }

        if (max_requests > 0 && g_served.fetch_add(1) + 1 >= max_requests && !g_stopping.exchange(true)) {
            kill(getpid(), SIGTERM);  // recycle: the main thread drains the other threads
        }
    }
    FCGX_Free(&req, 0);
    state.done = true;
}

}  // namespace

int run_worker(int listen_fd, const Service& service) {
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa {};
    sa.sa_handler = on_wakeup;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: accept() must see EINTR
    sigaction(SIGUSR1, &sa, nullptr);

    sigset_t waited;
    sigemptyset(&waited);
    sigaddset(&waited, SIGTERM);
    sigaddset(&waited, SIGINT);
    sigaddset(&waited, SIGHUP);
    sigaddset(&waited, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &waited, nullptr);

    if (FCGX_Init() != 0) return 1;

    const int n = service.config().threads;
    if (WorkerSlot* slot = own_slot()) slot->threads = static_cast<std::uint32_t>(n);
    std::vector<std::unique_ptr<ThreadState>> states;
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
        states.push_back(std::make_unique<ThreadState>());
        ThreadState* s = states.back().get();
        threads.emplace_back([listen_fd, &service, s] { serve(listen_fd, service, *s); });
        s->handle = threads.back().native_handle();
    }

    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    for (;;) {
        int sig = 0;
        if (sigwait(&stop, &sig) == 0) break;
    }
    // Not FCGX_ShutdownPending(): see accept_connection.
    g_stopping = true;
    // Threads idle in accept() are woken; threads serving a request finish it first. A thread
    // may be between its check and accept() when a wake-up lands, so keep knocking until done.
    for (;;) {
        bool all_done = true;
        for (auto& s : states) {
            if (s->done) continue;
            all_done = false;
            if (s->in_accept) pthread_kill(s->handle, SIGUSR1);
        }
        if (all_done) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    for (auto& t : threads) t.join();
    return leak_check_status();
}

}  // namespace pendientes
