#include "fcgi/scoreboard.hpp"

#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <ctime>
#include <new>

namespace pendientes {
namespace {
Scoreboard* g_board = nullptr;
int g_slot = -1;
int g_listen_fd = -1;

// Unix listening sockets report their accept queue through sock_diag (what `ss -xl` shows).
std::optional<std::uint32_t> unix_queue(int fd) {
    struct stat st {};
    if (fstat(fd, &st) != 0) return std::nullopt;
    int nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (nl < 0) return std::nullopt;
    struct {
        nlmsghdr nlh;
        unix_diag_req req;
    } msg{};
    msg.nlh.nlmsg_len = sizeof msg;
    msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    msg.nlh.nlmsg_flags = NLM_F_REQUEST;
    msg.req.sdiag_family = AF_UNIX;
    msg.req.udiag_states = 1u << 10;  // TCP_LISTEN
    msg.req.udiag_ino = static_cast<unsigned>(st.st_ino);
    msg.req.udiag_show = UDIAG_SHOW_RQLEN;
    msg.req.udiag_cookie[0] = msg.req.udiag_cookie[1] = ~0u;
    std::optional<std::uint32_t> out;
    if (send(nl, &msg, sizeof msg, 0) == static_cast<ssize_t>(sizeof msg)) {
        alignas(nlmsghdr) char buf[8192];
        ssize_t n = recv(nl, buf, sizeof buf, 0);
        for (auto* h = reinterpret_cast<nlmsghdr*>(buf); n > 0 && NLMSG_OK(h, static_cast<unsigned>(n));
             h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) break;
            auto* m = static_cast<unix_diag_msg*>(NLMSG_DATA(h));
            int len = static_cast<int>(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
            for (auto* a = reinterpret_cast<rtattr*>(m + 1); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
                if (a->rta_type == UNIX_DIAG_RQLEN) {
                    unix_diag_rqlen q{};
                    std::memcpy(&q, RTA_DATA(a), sizeof q);
                    out = q.udiag_rqueue;
                }
            }
        }
    }
    close(nl);
    return out;
}

}  // namespace

Scoreboard* create_scoreboard() {
    if (g_board) return g_board;
    void* mem = mmap(nullptr, sizeof(Scoreboard), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    g_board = new (mem) Scoreboard();  // placement into the shared mapping, never freed
    g_board->started_unix = std::time(nullptr);
    return g_board;
}

Scoreboard* scoreboard() { return g_board; }

void set_own_slot(int index) { g_slot = index; }

WorkerSlot* own_slot() { return g_board && g_slot >= 0 ? &g_board->slots[g_slot] : nullptr; }

void set_listen_fd(int fd) { g_listen_fd = fd; }
int listen_fd() { return g_listen_fd; }

std::optional<std::uint32_t> listen_queue_length(int fd) {
    if (fd < 0) return std::nullopt;
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return std::nullopt;
    if (addr.ss_family == AF_UNIX) return unix_queue(fd);
    tcp_info info{};
    socklen_t info_len = sizeof info;
    // For a listening TCP socket Linux reports the accept queue length in tcpi_unacked.
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &info_len) == 0) return info.tcpi_unacked;
    return std::nullopt;
}

}  // namespace pendientes
