// pendientes-fcgi: the FastCGI worker pool.
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "fcgi/pool.hpp"

int main(int argc, char** argv) {
    pendientes::PoolOptions options;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) {
            options.config_file = argv[++i];
        } else {
            std::fprintf(stderr, "usage: %s [--config FILE]\n", argv[0]);
            return 2;
        }
    }
    return pendientes::run_pool(options);
}
