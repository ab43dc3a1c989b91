#pragma once

#include <QColor>
#include <QIcon>

namespace hookbench {

// An endpoint's colour chip: a small rounded square in `colour` with a darker rim, drawn at 16
// and 32 pixels, for the views' decoration role (the endpoint list, the event log's Endpoint
// column). A square, where outcome badges are dots, so the two never read alike.
QIcon endpointChip(const QColor &colour);

} // namespace hookbench
