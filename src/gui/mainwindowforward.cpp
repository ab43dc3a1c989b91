// MainWindow: the app behind a forward URL answered (issue 8).
#include "mainwindow.h"

#include "eventdetailview.h"
#include "eventlogmodel.h"

namespace hookbench {

void MainWindow::eventForwarded(qint64 id, const ForwardResult &result)
{
    m_model->setForwardResult(id, result);
    m_detail->setForwardResult(id, result); // only when it shows that event
}

} // namespace hookbench
