#include "ctl/args.hpp"

#include <algorithm>
#include <iostream>

#include "common/config.hpp"

namespace pendientes::ctl {

Args::Args(const std::vector<std::string>& args, std::size_t first, const std::vector<std::string>& flags) {
    for (std::size_t i = first; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) throw UsageError("unexpected argument " + a);
        std::string name = a.substr(2);
        if (name == "password") throw UsageError("passwords are never taken from the command line; use stdin or --password-file");
        if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
            flags_[name] = true;
            continue;
        }
        if (i + 1 >= args.size()) throw UsageError("--" + name + " needs a value");
        values_[name] = args[++i];
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::string Args::required(const std::string& name) const {
    auto v = get(name);
    if (!v || v->empty()) throw UsageError("--" + name + " is required");
    return *v;
}

std::string read_password(const Args& args) {
    if (auto file = args.get("password-file")) return read_secret_file(*file);
    std::string line;
    std::getline(std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace pendientes::ctl
