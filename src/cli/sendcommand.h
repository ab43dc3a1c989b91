#pragma once

#include <QStringList>

namespace hookbench::cli {

// `hookbench-cli send URL [options]`: fires test webhooks, once, as VWO would (retrying), or
// many (load mode). Exit 0 when the final answer was 200 (load mode: every answer 2xx), 1
// otherwise, 2 for usage errors.
int runSend(const QStringList &args);

} // namespace hookbench::cli
