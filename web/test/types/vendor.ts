import dd from 'dingtalk-jsapi';
export default dd;
