import { Route, Switch } from 'wouter';
import { StatusScreen } from '../components/StatusScreen';
import { useI18n } from '../i18n/i18n';
import { OrderBoard } from './board/OrderBoard';
import { OrderScreen } from './editor/OrderScreen';
import { FollowupsScreen } from './followups/FollowupsScreen';
import { HandoverScreen } from './handover/HandoverScreen';
import { NewOrderScreen } from './NewOrderScreen';
import { PRINTED_PAPERS, PrintScreen, type PrintedPaper } from './print/PrintScreen';
import { QuoteScreen } from './quote/QuoteScreen';
import { RecommendedScreen } from './quote/RecommendedScreen';
import './styles/orders.css';
import './styles/editor.css';
import './styles/board.css';
import './styles/customer.css';
import './styles/papers.css';

export { DeclinedWorkNotice } from './DeclinedWorkNotice';

function isPrintedPaper(value: string): value is PrintedPaper {
  return (PRINTED_PAPERS as readonly string[]).includes(value);
}

/**
 * Routes the repair-order area, which the shell loads lazily under /orders/*. The paths:
 *   /orders                         workshop board (today's orders) and check-ins waiting for an order
 *   /orders/new/:checkinId          open an order from a signed check-in
 *   /orders/:id                     the repair order (任务委托书)
 *   /orders/:id/quote               the customer's quote (报价单), approved line by line and signed
 *   /orders/:id/recommended         the recommended-items sheet (建议项目表), signed
 *   /orders/:id/handover            pre-delivery checklist, settlement and delivery
 *   /orders/:id/print/:paper        A4 copy of quote, recommended or settlement
 *   /orders/followups               follow-up calls due 72 hours after delivery
 */
export function OrderRoutes() {
  const { t } = useI18n();

  return (
    <Switch>
      <Route path="/orders"><OrderBoard /></Route>
      <Route path="/orders/followups"><FollowupsScreen /></Route>
      <Route path="/orders/new/:checkinId">{(params) => <NewOrderScreen checkinId={params.checkinId} />}</Route>
      <Route path="/orders/:id/quote">{(params) => <QuoteScreen orderId={params.id} />}</Route>
      <Route path="/orders/:id/recommended">{(params) => <RecommendedScreen orderId={params.id} />}</Route>
      <Route path="/orders/:id/handover">{(params) => <HandoverScreen orderId={params.id} />}</Route>
      <Route path="/orders/:id/print/:paper">
        {(params) => (isPrintedPaper(params.paper) ? <PrintScreen orderId={params.id} paper={params.paper} /> : <StatusScreen message={t('shell.notFound')} />)}
      </Route>
      <Route path="/orders/:id">{(params) => <OrderScreen orderId={params.id} />}</Route>
      <Route><StatusScreen message={t('shell.notFound')} /></Route>
    </Switch>
  );
}
