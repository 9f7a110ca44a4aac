// pendientesctl: administration of a pendientes installation.
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "ctl/commands.hpp"

namespace {

void usage() {
    std::fprintf(stderr,
                 "usage: pendientesctl [--config FILE] COMMAND\n"
                 "  migrate [--status]   apply pending migrations (or list them)\n"
                 "  seed                 load the seed data of PENDIENTES_SEED\n"
                 "  hash-password        read a password on stdin, print its bcrypt hash\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::string> config_file;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) config_file = argv[++i];
        else args.emplace_back(argv[i]);
    }
    if (args.empty()) {
        usage();
        return 2;
    }
    try {
        const std::string& cmd = args[0];
        if (cmd == "hash-password") return pendientes::ctl::hash_password_from_stdin();
        pendientes::Config config = pendientes::load_config(config_file);
        pendientes::apply_timezone(config.timezone);
        if (cmd == "migrate") return pendientes::ctl::migrate(config, args.size() > 1 && args[1] == "--status");
        if (cmd == "seed") return pendientes::ctl::seed(config);
        usage();
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pendientesctl: %s\n", e.what());
        return 1;
    }
}
