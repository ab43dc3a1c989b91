// The curl importer: whatever a user pastes into "Import curl…" or passes to
// `hookbench-cli send --curl`.
#include "fuzzcheck.h"
#include "sender/curlimport.h"

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString commandLine = QString::fromUtf8(fuzz::bytes(data, size));
    const CurlImport imported = importCurl(commandLine);
    if (!imported.error.isEmpty())
        return 0;
    FUZZ_CHECK(!imported.request.method.isEmpty(), commandLine);
    // Whatever was imported can be checked before sending.
    imported.request.validate();
    return 0;
}
