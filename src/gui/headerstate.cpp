#include "headerstate.h"

#include <QHeaderView>
#include <QStandardItemModel>

namespace hookbench {

bool restoreHeaderState(QHeaderView *header, const QByteArray &state,
                        const QStringList &savedColumns, const QStringList &columns)
{
    if (savedColumns == columns)
        return header->restoreState(state);
    // Read the state into a header with the columns it was saved with, then copy by name.
    QStandardItemModel model(0, int(savedColumns.size()));
    QHeaderView saved(header->orientation());
    saved.setModel(&model);
    if (!saved.restoreState(state) || saved.count() != savedColumns.size())
        return false;
    for (int column = 0; column < columns.size() && column < header->count(); ++column) {
        const int from = int(savedColumns.indexOf(columns.at(column)));
        if (from < 0)
            continue;
        header->setSectionHidden(column, saved.isSectionHidden(from));
        if (header->sectionResizeMode(column) == QHeaderView::Interactive)
            header->resizeSection(column, saved.sectionSize(from));
    }
    return true;
}

} // namespace hookbench
