// OutputSink (lib/koda/report/output.hpp): a regular file is replaced atomically; a named
// pipe or device named as the output is written to, never replaced; a folder is refused
// before any work.

#include "koda/error.hpp"
#include "koda/report/output.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using koda::report::OutputSink;

namespace {

// A fresh folder under the system's temporary folder, removed with its contents.
struct TempDir {
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "koda-output-XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path path;
};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

} // namespace

TEST_SUITE("report::output") {
  TEST_CASE("a regular file is replaced only on commit, and nothing else is left beside it") {
    TempDir dir;
    const fs::path target = dir.path / "out.jsonl";
    std::ofstream(target) << "old\n";
    {
      OutputSink sink(target.string());
      sink.write("new\n");
      CHECK(read_all(target) == "old\n");
      sink.commit();
    }
    CHECK(read_all(target) == "new\n");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a sink dropped without commit leaves the old file and no temporary") {
    TempDir dir;
    const fs::path target = dir.path / "out.csv";
    std::ofstream(target) << "old\n";
    {
      OutputSink sink(target.string());
      sink.write("half");
    }
    CHECK(read_all(target) == "old\n");
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a named pipe is written to and stays a pipe") {
    TempDir dir;
    const fs::path fifo = dir.path / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // The read end is opened first (without blocking), so that the sink's open does not
    // wait; it is read only once the sink exists, so a sink that never opened the pipe
    // shows up as empty input, not as a hang.
    const int in = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(in >= 0);
    REQUIRE(::fcntl(in, F_SETFL, 0) == 0);
    std::string received;
    std::optional<OutputSink> sink;
    sink.emplace(fifo.string());
    std::thread reader([&] {
      char buffer[65536];
      for (ssize_t n; (n = ::read(in, buffer, sizeof buffer)) > 0;)
        received.append(buffer, static_cast<std::size_t>(n));
    });
    sink->write("doc\tunit\n");
    sink->write(std::string(300000, 'x')); // large enough to be written straight through
    sink->commit();
    sink.reset(); // closes the write end: the reader sees the end of its input
    reader.join();
    ::close(in);
    CHECK(received == "doc\tunit\n" + std::string(300000, 'x'));
    struct stat info {};
    REQUIRE(::stat(fifo.c_str(), &info) == 0);
    CHECK(S_ISFIFO(info.st_mode));
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  }

  TEST_CASE("a folder is refused when the sink is made") {
    TempDir dir;
    CHECK_THROWS_WITH_AS(
        OutputSink(dir.path.string()),
        (dir.path.string() + ": cannot write there: it is a folder, not a file").c_str(),
        koda::Error);
  }
}
