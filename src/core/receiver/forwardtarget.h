#pragma once

#include <QString>
#include <QUrl>

namespace hookbench {

// Where an endpoint passes each webhook it receives on (issue 8), typically the user's own app on
// localhost, and whose answer VWO gets.
struct ForwardTarget
{
    static constexpr int DefaultTimeoutMs = 10 * 1000;
    static constexpr int MaxTimeoutMs = 10 * 60 * 1000;

    QUrl url; // empty: no forwarding
    // false: VWO gets our own answer at once and the app's answer is only recorded;
    // true: VWO gets the app's status and body (502 when the app cannot be reached).
    bool followAnswer = false;
    int timeoutMs = DefaultTimeoutMs;

    bool isSet() const { return !url.isEmpty(); }
    QString check() const; // the first problem in words; empty when fine
};

bool operator==(const ForwardTarget &a, const ForwardTarget &b);

} // namespace hookbench
