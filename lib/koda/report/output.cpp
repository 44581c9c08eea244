#include "koda/report/output.hpp"

#include "koda/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace koda::report {

void write_file_atomically(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.parent_path();
  std::string temp = ((dir.empty() ? fs::path(".") : dir) /
                      fmt::format(".{}.koda-XXXXXX", target.filename().string()))
                         .string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0)
    throw Error(fmt::format("{}: cannot create a temporary file beside it: {}", path,
                            std::strerror(errno)));
  auto fail = [&](const char* what) {
    int err = errno;
    ::close(fd);
    ::unlink(temp.c_str());
    throw Error(fmt::format("{}: {}: {}", path, what, std::strerror(err)));
  };
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      fail("cannot write");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0)
    fail("cannot write");
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(err)));
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(err)));
  }
}

void emit(const std::string& path, std::string_view content) {
  if (path.empty() || path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return;
  }
  write_file_atomically(path, content);
}

} // namespace koda::report
