import { Component, type ReactNode } from 'react';
import { strings, type Lang } from '../i18n/strings';

interface Props {
  lang: Lang;
  children: ReactNode;
}

/** Whatever breaks below shows a readable message and a way out, never a white page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error('[app]', error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    const t = strings[this.props.lang];
    return (
      <div className="fatal" role="alert">
        <h1>{t.errorTitle}</h1>
        <p>{t.errorBody}</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" onClick={() => location.reload()}>
          {t.reload}
        </button>
      </div>
    );
  }
}
