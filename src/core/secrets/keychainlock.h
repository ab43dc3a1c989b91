#pragma once

#include <functional>

class QObject;

namespace hookbench {

// Asks the Secret Service, without blocking, whether its default collection is locked: a locked
// collection hides its items, so a read answers "not found" for a secret it does hold. Calls
// `done` once (never if `context` dies first); false also when the question gets no answer
// within timeoutMs.
void askDefaultCollectionLocked(QObject *context, int timeoutMs,
                                std::function<void(bool locked)> done);

} // namespace hookbench
