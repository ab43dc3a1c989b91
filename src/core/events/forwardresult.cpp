#include "forwardresult.h"

namespace hookbench {

bool operator==(const ForwardResult &a, const ForwardResult &b)
{
    return a.url == b.url && a.followed == b.followed && a.status == b.status &&
           a.headers == b.headers && a.body == b.body && a.bodyTruncated == b.bodyTruncated &&
           a.error == b.error && a.elapsedMs == b.elapsedMs && a.answeredStatus == b.answeredStatus;
}

} // namespace hookbench
