#pragma once
// `--name value` options of a pendientesctl command.
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pendientes::ctl {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // Parses args[first..]; a flag in `flags` takes no value.
    Args(const std::vector<std::string>& args, std::size_t first, const std::vector<std::string>& flags = {});
    std::optional<std::string> get(const std::string& name) const;
    std::string required(const std::string& name) const;
    bool flag(const std::string& name) const { return flags_.count(name) > 0; }

private:
    std::map<std::string, std::string> values_;
    std::map<std::string, bool> flags_;
};

// A password from --password-file, else one line of standard input; never from argv.
std::string read_password(const Args& args);

}  // namespace pendientes::ctl
