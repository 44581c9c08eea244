#pragma once

#include <string>
#include <string_view>

namespace koda::report {

// Writes `content` to `path` atomically: into a temporary file in the same folder, then
// renamed over `path`, so a reader never sees a half-written file. Throws koda::Error.
void write_file_atomically(const std::string& path, std::string_view content);

// Writes `content` to standard output, or atomically to `path` when it is not empty.
void emit(const std::string& path, std::string_view content);

} // namespace koda::report
