#include "fcgi/pool.hpp"

#include <fcgiapp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include "common/config.hpp"
#include "fcgi/scoreboard.hpp"
#include "fcgi/service.hpp"
#include "fcgi/worker.hpp"

namespace pendientes {
namespace {

void log_line(const char* level, const std::string& msg) {
    std::fprintf(stderr, "{\"level\":\"%s\",\"component\":\"pool\",\"msg\":\"%s\"}\n", level, msg.c_str());
}

bool is_listening_socket(int fd) {
    int accepting = 0;
    socklen_t len = sizeof accepting;
    return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &len) == 0 && accepting;
}

int open_listen_socket(const Config& config) {
    if (config.listen.empty()) {
        // systemd socket activation: sd_listen_fds() style (LISTEN_FDS, first fd 3), or the
        // php-fpm/spawn-fcgi habit StandardInput=socket where the listening socket is fd 0.
        const char* pid = std::getenv("LISTEN_PID");
        const char* fds = std::getenv("LISTEN_FDS");
        if (pid && fds && std::atol(pid) == static_cast<long>(getpid()) && std::atoi(fds) >= 1 && is_listening_socket(3))
            return 3;
        if (!is_listening_socket(0)) throw ConfigError("PENDIENTES_LISTEN is empty and no inherited listening socket");
        return 0;
    }
    if (config.listen.find('/') != std::string::npos) ::unlink(config.listen.c_str());
    FCGX_Init();
    int fd = FCGX_OpenSocket(config.listen.c_str(), config.backlog);
    if (fd < 0) throw ConfigError("cannot listen on " + config.listen);
    if (config.listen.find('/') != std::string::npos) ::chmod(config.listen.c_str(), config.socket_mode);
    return fd;
}

int worker_count(const Config& c) {
    if (c.workers > 0) return c.workers;
    unsigned n = std::thread::hardware_concurrency();
    return n ? static_cast<int>(n) : 2;
}

class Pool {
public:
    Pool(PoolOptions options, Config config, int listen_fd)
        : options_(std::move(options)), listen_fd_(listen_fd) {
        service_ = std::make_unique<Service>(std::move(config));
    }

    int run() {
        sigset_t set = master_signals();
        sigprocmask(SIG_BLOCK, &set, nullptr);
        for (int i = 0; i < worker_count(service_->config()); ++i) spawn();
        log_line("info", "pool started with " + std::to_string(workers_.size()) + " workers");
        // Type=notify: systemd learns we are ready only once the workers exist.
        notify_status("READY=1\n");

        while (true) {
            timespec timeout{1, 0};
            int sig = sigtimedwait(&set, nullptr, &timeout);
            if (sig == SIGCHLD || sig < 0) reap();
            if (sig < 0) notify_status("");
            if (sig == SIGHUP) reload();
            if (sig == SIGTERM || sig == SIGINT) break;
        }
        stop();
        return 0;
    }

private:
    struct WorkerInfo {
        int generation;
        std::chrono::steady_clock::time_point started;
        int slot;
    };

    // The status line `systemctl status` shows; harmless without systemd (NOTIFY_SOCKET unset).
    void notify_status(const std::string& prefix) {
        std::uint64_t served = 0;
        if (Scoreboard* board = scoreboard()) served = board->requests_total;
        std::string msg = prefix + "STATUS=" + std::to_string(workers_.size()) + " workers, " + std::to_string(served) +
                          " requests served";
        sd_notify(0, msg.c_str());
    }

    static int free_slot() {
        Scoreboard* board = scoreboard();
        if (!board) return -1;
        for (int i = 0; i < kMaxWorkerSlots; ++i)
            if (board->slots[i].pid == 0) return i;
        return -1;
    }

    static void release_slot(int slot) {
        Scoreboard* board = scoreboard();
        if (!board || slot < 0) return;
        WorkerSlot& s = board->slots[slot];
        s.busy = 0;
        s.threads = 0;
        s.requests = 0;
        s.pid = 0;
    }

    static sigset_t master_signals() {
        sigset_t set;
        sigemptyset(&set);
        for (int s : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) sigaddset(&set, s);
        return set;
    }

    void spawn() {
        const int slot = free_slot();
        if (Scoreboard* board = scoreboard(); board && slot >= 0) board->slots[slot].pid = -1;  // reserved
        pid_t pid = fork();
        if (pid < 0) {
            log_line("error", "fork failed");
            release_slot(slot);
            return;
        }
        if (pid == 0) {
            sigset_t set = master_signals();
            sigprocmask(SIG_UNBLOCK, &set, nullptr);
            set_own_slot(slot);
            if (WorkerSlot* own = own_slot()) {
                own->pid = getpid();
                own->started_unix = std::time(nullptr);
            }
            std::_Exit(run_worker(listen_fd_, *service_));
        }
        workers_[pid] = WorkerInfo{generation_, std::chrono::steady_clock::now(), slot};
    }

    void reap() {
        int status = 0;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            auto it = workers_.find(pid);
            if (it == workers_.end()) continue;
            bool current = it->second.generation == generation_;
            auto lived = std::chrono::steady_clock::now() - it->second.started;
            release_slot(it->second.slot);
            workers_.erase(it);
            if (WIFSIGNALED(status))
                log_line("warn", "worker " + std::to_string(pid) + " killed by signal " + std::to_string(WTERMSIG(status)));
            else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
                log_line("warn", "worker " + std::to_string(pid) + " exited with status " + std::to_string(WEXITSTATUS(status)));
            if (!current || stopping_) continue;
            if (Scoreboard* board = scoreboard()) ++board->worker_restarts_total;
            // A worker that dies at once (e.g. bad config) must not turn the master into a fork bomb.
            if (lived < std::chrono::milliseconds(200)) std::this_thread::sleep_for(std::chrono::milliseconds(200));
            spawn();
        }
    }

    void reload() {
        try {
            Config fresh = load_config(options_.config_file);
            apply_timezone(fresh.timezone);
            auto next = std::make_unique<Service>(std::move(fresh));
            service_ = std::move(next);
        } catch (const std::exception& e) {
            log_line("error", std::string("reload failed, keeping the running configuration: ") + e.what());
            return;
        }
        sd_notify(0, "RELOADING=1");
        int old_generation = generation_++;
        if (Scoreboard* board = scoreboard()) ++board->reloads_total;
        for (int i = 0; i < worker_count(service_->config()); ++i) spawn();
        for (auto& [pid, info] : workers_)
            if (info.generation == old_generation) kill(pid, SIGTERM);
        log_line("info", "reloaded: new workers started, old ones draining");
        notify_status("READY=1\n");
    }

    void stop() {
        stopping_ = true;
        sd_notify(0, "STOPPING=1");
        for (auto& [pid, info] : workers_) kill(pid, SIGTERM);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(25);
        while (!workers_.empty() && std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            pid_t pid = waitpid(-1, &status, WNOHANG);
            if (pid > 0) workers_.erase(pid);
            else std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        for (auto& [pid, info] : workers_) kill(pid, SIGKILL);
        while (waitpid(-1, nullptr, 0) > 0) {
        }
        const auto& c = service_->config();
        if (!c.listen.empty() && c.listen.find('/') != std::string::npos) ::unlink(c.listen.c_str());
        if (!c.pid_file.empty()) ::unlink(c.pid_file.c_str());
        log_line("info", "pool stopped");
    }

    PoolOptions options_;
    int listen_fd_;
    std::unique_ptr<Service> service_;
    std::map<pid_t, WorkerInfo> workers_;
    int generation_ = 0;
    bool stopping_ = false;
};

}  // namespace

int run_pool(const PoolOptions& options) {
    try {
        // libfcgi polls a fresh Unix-socket connection for up to 2 s before handing it over;
        // nginx sends at once, so a short keeper poll only bounds the damage of idle clients.
        // The workers accept themselves (worker.cpp accept_connection); libfcgi's accept, and
        // this poll, only serve the rare connection that did not open with a valid request.
        // libfcgi reads the variables once, in its first FCGX_Init (open_listen_socket below);
        // the forked workers inherit that state, so they must be set before.
        ::setenv("LIBFCGI_IS_AF_UNIX_KEEPER_POLL_TIMEOUT", "100", 0);
        // On close, libfcgi shuts down its side and then waits up to this long for nginx to
        // close first, reading whatever still arrives: a thread held per request until nginx's
        // event loop gets to it (the floor went from ~14 000 to ~16 000 req/s without the wait).
        // The worker reads stdin to its end itself before finishing (worker.cpp drain_stdin),
        // so there is nothing left to read.
        ::setenv("LIBFCGI_OS_CLOSE_POLL_TIMEOUT", "0", 0);
        Config config = load_config(options.config_file);
        apply_timezone(config.timezone);
        int fd = open_listen_socket(config);
        set_listen_fd(fd);
        create_scoreboard();
        if (!config.pid_file.empty()) std::ofstream(config.pid_file) << getpid() << '\n';
        Pool pool(options, std::move(config), fd);
        return pool.run();
    } catch (const std::exception& e) {
        log_line("fatal", e.what());
        return 1;
    }
}

}  // namespace pendientes
