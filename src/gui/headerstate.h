#pragma once

#include <QByteArray>
#include <QStringList>

class QHeaderView;

namespace hookbench {

// QHeaderView::restoreState() applies a saved state section by section position, and only adds
// or drops sections at the end: after a column is inserted, an older state would give its
// widths (and hidden flags) to the wrong columns. So a state is kept with the names of the
// columns it was saved with, and restored by name when they differ.
//
// Restores `state`, saved over the columns `savedColumns`, onto `header`, whose columns are
// `columns`. The same columns: exactly as saved. Otherwise each column found in both gets its
// saved width and visibility, and a new column keeps its default. Returns false, changing
// nothing, when the state does not read or does not have savedColumns.size() sections.
bool restoreHeaderState(QHeaderView *header, const QByteArray &state,
                        const QStringList &savedColumns, const QStringList &columns);

} // namespace hookbench
