#include "ctl/sql_files.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace pendientes::ctl {

std::vector<std::string> read_statements(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::vector<std::string> out;
    std::string current, line;
    while (std::getline(in, line)) {
        auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
        current += line;
        current += '\n';
        if (!line.empty() && line.back() == ';') {
            current.erase(current.find_last_of(';'));
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
    return out;
}

std::vector<std::filesystem::path> migration_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".sql") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace pendientes::ctl
