#pragma once

#include <QObject>
#include <QThread>
#include <QtGlobal>

namespace hookbench {

// Objects that own thread-bound resources (an SQLite connection, sockets) are only ever used on
// the thread they live on; other threads reach them through queued signals. This check holds in
// every build (Q_ASSERT is compiled out in ours) and costs a pointer comparison: a call from the
// wrong thread stops the process at once, naming the function, instead of corrupting state now
// and crashing somewhere else later.
inline void checkOwnThread(const QObject *object, const char *function)
{
    if (Q_UNLIKELY(object->thread() != QThread::currentThread()))
        qFatal("%s: called on thread %p, but the object lives on thread %p", function,
               static_cast<void *>(QThread::currentThread()),
               static_cast<void *>(object->thread()));
}

} // namespace hookbench

#define HOOKBENCH_CHECK_OWN_THREAD() ::hookbench::checkOwnThread(this, Q_FUNC_INFO)
