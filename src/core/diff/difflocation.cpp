#include "difflocation.h"

#include "jsontext.h"

namespace hookbench {

DiffLocation DiffLocation::member(const QByteArray &key) const
{
    DiffLocation at = *this;
    const QString token = QLatin1Char('/') + pointerToken(key);
    at.oldPath += token;
    at.newPath += token;
    const QString name = QString::fromUtf8(key);
    at.field = field.isEmpty() ? name : field + QLatin1Char('.') + name;
    return at;
}

DiffLocation DiffLocation::element(int oldIndex, int newIndex) const
{
    DiffLocation at = *this;
    if (oldIndex >= 0)
        at.oldPath += QLatin1Char('/') + pointerToken(oldIndex);
    if (newIndex >= 0)
        at.newPath += QLatin1Char('/') + pointerToken(newIndex);
    at.field +=
        QLatin1Char('[') + QString::number(newIndex >= 0 ? newIndex : oldIndex) + QLatin1Char(']');
    return at;
}

DiffLocation DiffLocation::entered(const QString &label, int o, int n) const
{
    DiffLocation at = *this;
    at.scope.append(label);
    at.scopeNodes.append({o, n});
    at.field.clear();
    return at;
}

DiffLocation DiffLocation::rescoped(const QString &label, int o, int n) const
{
    DiffLocation at = *this;
    at.scope = QStringList{label};
    at.scopeNodes = {{o, n}};
    at.field.clear();
    return at;
}

} // namespace hookbench
