// Tencent's conversation list component, signed in to a Conversations service. The page's URL says where and as
// whom: index.html#server=<service URL>&user=<userID>&token=<the user's token>.
import { createRoot } from 'react-dom/client';
import { TUILogin } from '@tencentcloud/tui-core-lite';
import { ConversationList, UIKitProvider } from '@tencentcloud/chat-uikit-react';

const params = new URLSearchParams(location.hash.slice(1));
const root = document.getElementById('root');

// As Tencent's getting-started does: sign in, then render (the kit's stores take the signed-in chat when they are
// made). SDKAppID is Tencent's and unused by this service, but the kit refuses a missing or 0 one; `server`
// reaches the SDK's create() through the kit's login.
TUILogin.login({ SDKAppID: 1, userID: params.get('user'), userSig: params.get('token'), server: params.get('server') })
  .then(() => {
    root.dataset.state = 'signed in';
    createRoot(root).render(
      <UIKitProvider language="en-US" theme="light">
        <div className="example">
          <ConversationList />
        </div>
      </UIKitProvider>,
    );
  }, (e) => {
    root.dataset.state = 'refused';
    root.textContent = `Signing in was refused: ${(e && e.message) || e}`;
  });
