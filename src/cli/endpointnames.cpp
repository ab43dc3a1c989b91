#include "endpointnames.h"

#include "endpoints/endpointstore.h"

#include <QFileInfo>

namespace hookbench::cli {

QString noEndpointNamed(const QString &name, const QList<Endpoint> &endpoints)
{
    QStringList names;
    for (const Endpoint &endpoint : endpoints)
        names.append(endpoint.name);
    return QStringLiteral("no endpoint named '%1' (endpoints: %2)")
        .arg(name, names.join(QLatin1String(", ")));
}

QString checkEndpointExists(const QString &databasePath, const QString &name)
{
    if (name == QLatin1String(Endpoint::DefaultName))
        return {};
    if (!QFileInfo::exists(databasePath))
        return noEndpointNamed(name, {Endpoint::defaultEndpoint()});
    EndpointStore store;
    QString error = store.open(databasePath);
    if (error.isEmpty()) {
        Endpoint endpoint;
        error = store.find(name, &endpoint);
    }
    return error;
}

} // namespace hookbench::cli
