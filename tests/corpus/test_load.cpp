#include "koda/corpus/load.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace koda::corpus;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempTree {
  fs::path root;
  TempTree() {
    root = fs::temp_directory_path() / ("koda-walk-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
  }
  ~TempTree() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void file(const std::string& relative) const {
    fs::path path = root / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "Teks.\n";
  }
};

std::vector<std::string> paths_of(const Inputs& inputs) {
  std::vector<std::string> paths;
  for (const Input& input : inputs.files)
    paths.push_back(input.path);
  return paths;
}

} // namespace

TEST_SUITE("corpus::load") {
  TEST_CASE("a folder's text files come in path order, hidden entries and links to folders "
            "left out") {
    TempTree tree;
    for (const char* name :
         {"b.md", "a-b.txt", "a.md", "a0.md", "Z.md", "a/z.md", "a/y.TXT", "a/notes.docx",
          "a/.hidden.md", "a/sub/x.markdown", ".git/c.md", "c/README", "d.md.bak"})
      tree.file(name);
    fs::create_directories(tree.root / "empty");
    fs::create_symlink(tree.root / "b.md", tree.root / "link.md");
    fs::create_directory_symlink(tree.root / "a", tree.root / "linkdir");
    const std::string r = tree.root.generic_string();
    const std::vector<std::string> expected = {
        r + "/Z.md",   r + "/a-b.txt", r + "/a.md", r + "/a/sub/x.markdown", r + "/a/y.TXT",
        r + "/a/z.md", r + "/a0.md",   r + "/b.md", r + "/link.md"};
    Inputs inputs = expand_inputs({r});
    CHECK(inputs.errors.empty());
    CHECK(paths_of(inputs) == expected);
    // A trailing slash on the folder adds none to the paths.
    CHECK(paths_of(expand_inputs({r + "/"})) == expected);
    // Folders and files mix in argument order; each folder is walked where it is named.
    Inputs mixed = expand_inputs({r + "/b.md", r + "/a/sub", r + "/missing.md"});
    CHECK(paths_of(mixed) == std::vector<std::string>{r + "/b.md", r + "/a/sub/x.markdown"});
    REQUIRE(mixed.errors.size() == 1);
    CHECK(mixed.errors[0] == r + "/missing.md: no such file or directory");
  }

  TEST_CASE("files found by a walk are read whole, whatever their size") {
    TempTree tree;
    // Sizes around the reading buffer's first capacity (256 KiB) and well past it.
    const std::vector<std::size_t> sizes = {0, 1, 262143, 262144, 262145, 600001};
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      std::string text(sizes[i], 'a');
      for (std::size_t k = 0; k < text.size(); ++k)
        text[k] = static_cast<char>('a' + (k * 7 + i) % 26);
      std::ofstream(tree.root / ("f" + std::to_string(i) + ".txt"), std::ios::binary) << text;
    }
    Inputs inputs = expand_inputs({tree.root.generic_string()});
    REQUIRE(inputs.files.size() == sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      CHECK(inputs.files[i].regular);
      const std::string bytes = read_input(inputs.files[i]);
      REQUIRE(bytes.size() == sizes[i]);
      bool same = true;
      for (std::size_t k = 0; k < bytes.size(); ++k)
        same = same && bytes[k] == static_cast<char>('a' + (k * 7 + i) % 26);
      CHECK(same);
    }
  }

  TEST_CASE("a folder without text files is an error naming it") {
    TempTree tree;
    tree.file("notes.docx");
    tree.file(".hidden/a.md");
    const std::string r = tree.root.generic_string();
    Inputs inputs = expand_inputs({r});
    CHECK(inputs.files.empty());
    REQUIRE(inputs.errors.size() == 1);
    CHECK(inputs.errors[0] == r + ": no .txt or .md files in this directory");
  }
}
