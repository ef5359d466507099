import { Route, Switch } from 'wouter';
import { CheckinEditorScreen } from './CheckinEditor';
import { NewCheckinScreen } from './find/NewCheckinScreen';
import { CheckinPrintScreen } from './print/CheckinPrintScreen';
import './checkin.css';

/** Routes the check-in screens: a new sheet, the editor and the customer copy. The shell loads this lazily. */
export function CheckinRoutes() {
  return (
    <Switch>
      <Route path="/checkin/new"><NewCheckinScreen /></Route>
      <Route path="/checkin/:id/print">{(params) => <CheckinPrintScreen id={params.id} />}</Route>
      <Route path="/checkin/:id">{(params) => <CheckinEditorScreen key={params.id} id={params.id} />}</Route>
    </Switch>
  );
}
