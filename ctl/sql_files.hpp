#pragma once
// Reading the project's own SQL files (migrations, seeds). Never request data.
#include <filesystem>
#include <string>
#include <vector>

namespace pendientes::ctl {

// Statements of a file: split on ';' at the end of a line; "--" comment lines dropped.
std::vector<std::string> read_statements(const std::filesystem::path& file);

// NNN_name.sql files of a directory, in name order.
std::vector<std::filesystem::path> migration_files(const std::filesystem::path& dir);

}  // namespace pendientes::ctl
