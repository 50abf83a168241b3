// Runs the `skindepth` binary built next to the tests and captures its output and exit status.
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace skindepth::testing {

struct CliResult {
  int status = -1;
  std::string out;   // stdout
  std::string err;   // stderr
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

// `args` is passed to the shell as written: quote anything with spaces.
inline CliResult run_cli(const std::string& args, const std::string& stdin_text = "") {
  static int counter = 0;
  // The process id keeps parallel test processes (ctest -j) from sharing scratch files.
  const std::string base = std::string(::testing::TempDir()) + "skindepth_cli_" + std::to_string(getpid()) + "_" +
                           std::to_string(++counter);
  const std::string in = base + ".in", err = base + ".err";
  if (std::FILE* f = std::fopen(in.c_str(), "wb")) {
    std::fwrite(stdin_text.data(), 1, stdin_text.size(), f);
    std::fclose(f);
  }
  const std::string cmd = std::string(SKINDEPTH_CLI) + " " + args + " <" + in + " 2>" + err;
  CliResult r;
  std::FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;) r.out.append(buf.data(), n);
  const int raw = pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  if (std::FILE* f = std::fopen(err.c_str(), "rb")) {
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), f)) > 0;) r.err.append(buf.data(), n);
    std::fclose(f);
  }
  std::remove(in.c_str());  // scratch files: none left in the temp folder
  std::remove(err.c_str());
  return r;
}

}  // namespace skindepth::testing
