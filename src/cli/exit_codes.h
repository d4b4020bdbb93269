// The command line's exit codes (README「終了コード」). With several inputs the highest wins.
#pragma once

namespace hyoka::cli {

constexpr int kOk = 0;
constexpr int kCheckFailed = 1;    // check: a diagnostic at or above --fail-on
constexpr int kUsage = 2;          // unknown option, missing argument, bad config file
constexpr int kUnreadable = 3;     // missing file, directory, unwritable output
constexpr int kNotAssessment = 4;  // not a PIA document
constexpr int kLimit = 5;          // an input past a hard limit (limits.h, --max-bytes)
constexpr int kInternal = 70;      // a bug (EX_SOFTWARE): please report it

}  // namespace hyoka::cli
