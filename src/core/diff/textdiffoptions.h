#pragma once

#include <atomic>
#include <functional>

namespace hookbench {

// How TextDiff compares lines, and the hooks that let a GUI run it on a worker thread.
struct TextDiffOptions
{
    enum class Whitespace {
        Exact,         // lines must match byte for byte (the only mode whose diffs are exact)
        IgnoreChanges, // like `diff -b`: any run of whitespace equals any other; trailing ignored
        IgnoreAll, // like `diff -w`: whitespace (spaces, tabs, CR, LF) is removed before comparing
    };
    Whitespace whitespace = Whitespace::Exact;

    // Polled while diffing; once it reads true, TextDiff gives up and reports isCanceled().
    const std::atomic_bool *cancel = nullptr;

    // Called on the diffing thread with 0..100, at most once per percent.
    std::function<void(int percent)> progress;

    bool isCanceled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

} // namespace hookbench
