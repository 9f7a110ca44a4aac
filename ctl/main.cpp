// pendientesctl: administration of a pendientes installation. Shares the service's config file.
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "ctl/commands.hpp"
#include "fcgi/openapi.hpp"

namespace {

void usage() {
    std::fprintf(stderr,
                 "usage: pendientesctl [--config FILE] COMMAND [OPTIONS]\n"
                 "  migrate [--status]        apply pending migrations (--status: list, exit 1 if any pending)\n"
                 "  seed                      load the seed data of PENDIENTES_SEED (idempotent)\n"
                 "  create-user --dni D --email E [--nombre N] [--rol ROL] [--empleado ID] [--password-file F]\n"
                 "  set-password --dni D [--password-file F]\n"
                 "  deactivate-user --dni D   (its tokens stop working at once)\n"
                 "  list-users\n"
                 "  issue-token --dni D [--ttl SECONDS]   token for a service account\n"
                 "  rotate-key                new JWT key; the previous one verifies until its tokens expire\n"
                 "  check-config              key, database reachability, migrations\n"
                 "  hash-password             bcrypt hash of a password read on stdin\n"
                 "  openapi                   print the OpenAPI 3.1 document generated from the route table\n"
                 "Passwords are read from stdin (one line) or --password-file, never from the command line.\n"
                 "Exit codes: 0 ok, 1 failure, 2 usage.\n");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace pendientes;
    std::optional<std::string> config_file;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) config_file = argv[++i];
        else args.emplace_back(argv[i]);
    }
    if (args.empty() || args[0] == "--help" || args[0] == "help") {
        usage();
        return args.empty() ? 2 : 0;
    }
    try {
        const std::string& cmd = args[0];
        if (cmd == "hash-password") return ctl::hash_password_from_stdin();
        if (cmd == "openapi") {
            std::printf("%s\n", openapi_document().c_str());
            return 0;
        }
        Config config = load_config(config_file);
        apply_timezone(config.timezone);
        if (cmd == "migrate") return ctl::migrate(config, ctl::Args(args, 1, {"status"}).flag("status"));
        if (cmd == "seed") return ctl::seed(config);
        if (cmd == "create-user") return ctl::create_user(config, ctl::Args(args, 1));
        if (cmd == "set-password") return ctl::set_password(config, ctl::Args(args, 1));
        if (cmd == "deactivate-user") return ctl::deactivate_user(config, ctl::Args(args, 1));
        if (cmd == "list-users") return ctl::list_users(config);
        if (cmd == "issue-token") return ctl::issue_token(config, ctl::Args(args, 1));
        if (cmd == "rotate-key") return ctl::rotate_key(config);
        if (cmd == "check-config") return ctl::check_config(config);
        std::fprintf(stderr, "pendientesctl: unknown command %s\n", cmd.c_str());
        usage();
        return 2;
    } catch (const ctl::UsageError& e) {
        std::fprintf(stderr, "pendientesctl: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "pendientesctl: %s\n", e.what());
        return 1;
    }
}
